package io.sensoretl.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.asl.engine.ExecutionResult;
import io.sensoretl.generate.DumpGenerator;
import io.sensoretl.generate.GeneratorTruth;
import io.sensoretl.lambda.LambdaFunction;
import io.sensoretl.testing.DuckDb;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The production state machine on the local runtime, end to end: S3Proxy and ElasticMQ on loopback,
 * the real handlers in-process, transient and permanent chunk failures injected around the
 * transform function, retries on virtual time, then a redrive; DuckDB reads the curated Parquet and
 * must find every valid record of the generated dump exactly once.
 */
class WorkflowEndToEndTest {
    private static final String KEY = "incoming/e2e/dump.ndjson";
    private static final Set<Integer> TRANSIENT = Set.of(1, 4);
    private static final Set<Integer> PERMANENT = Set.of(2, 6);

    @TempDir
    java.nio.file.Path dir;

    @Test
    void failedChunksAreDeadLetteredRedrivenAndEveryValidRecordIsCuratedExactlyOnce() throws Exception {
        DataDir dataDir = new DataDir(dir.resolve("data"));
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        GeneratorTruth truth = new DumpGenerator(11, 0.05, 40).writeRecords(dump, 12_000);
        long chunkBytes = dump.size() / 10;
        FlakyTransform faults = new FlakyTransform(TRANSIENT, 2, PERMANENT);

        try (LocalServices stack = LocalServices.start(dataDir, 0, 0);
                LocalPipeline pipeline = new LocalPipeline(stack, new LocalPipeline.Settings(3, true), faults)) {
            stack.s3().putObject(b -> b.bucket(DataDir.SOURCE_BUCKET).key(KEY), RequestBody.fromBytes(dump.toByteArray()));
            RunReport report = RunReport.of(pipeline.run(DataDir.SOURCE_BUCKET, KEY,
                    new RunOptions(null, chunkBytes, false)), dataDir);

            assertThat(report.status()).as(report.toString()).isEqualTo("SUCCEEDED");
            assertThat(report.outcome()).isEqualTo(RunReport.PROCESSED);
            assertThat(report.chunks()).isGreaterThan(6);
            assertThat(report.chunksDeadLettered()).isEqualTo(PERMANENT.size());
            assertThat(report.valid()).isLessThan(truth.valid());
            assertThat(report.valid() + report.rejected()).isEqualTo(report.readings());
            for (int chunk : TRANSIENT) {
                assertThat(faults.calls(chunk)).as("calls of transient chunk %d", chunk).isEqualTo(3);
            }
            for (int chunk : PERMANENT) {
                assertThat(faults.calls(chunk)).as("a permanent failure is not retried").isEqualTo(1);
            }
        }

        // the dead letters survive the end of the process that wrote them
        try (LocalServices stack = LocalServices.start(dataDir, 0, 0);
                LocalPipeline pipeline = new LocalPipeline(stack, new LocalPipeline.Settings(3, true), faults)) {
            DeadLetterQueue dlq = new DeadLetterQueue(stack.sqs(), stack.deadLetterQueueUrl());
            List<DeadLetter> letters = dlq.list();
            assertThat(letters).extracting(DeadLetter::chunk).containsExactlyInAnyOrderElementsOf(PERMANENT);
            assertThat(letters).allSatisfy(l -> {
                assertThat(l.error()).isEqualTo("SensorEtl.Internal");
                assertThat(l.message()).startsWith("java.lang.IllegalStateException: injected permanent failure of chunk");
                assertThat(l.source()).isEqualTo("s3://" + DataDir.SOURCE_BUCKET + "/" + KEY);
                assertThat(l.end()).isGreaterThan(l.start());
            });

            faults.repair();
            Redrive.Report redrive = new Redrive(pipeline.functions(), faults, dlq).run();
            assertThat(redrive.redriven()).isEqualTo(PERMANENT.size());
            assertThat(redrive.stillFailing()).isZero();
            assertThat(dlq.list()).isEmpty();
            assertCuratedMatches(dataDir, truth);

            // the same upload again: the ledger knows it, nothing is added
            stack.s3().putObject(b -> b.bucket(DataDir.SOURCE_BUCKET).key(KEY), RequestBody.fromBytes(dump.toByteArray()));
            ExecutionResult again = pipeline.run(DataDir.SOURCE_BUCKET, KEY, RunOptions.DEFAULTS);
            assertThat(RunReport.of(again, dataDir).outcome()).isEqualTo(RunReport.ALREADY_PROCESSED);
            assertCuratedMatches(dataDir, truth);
        }
    }

    @Test
    void aFailedRunIsClosedAsFailedInTheLedgerAndTheSameUploadCanThenBeProcessed() throws Exception {
        DataDir dataDir = new DataDir(dir.resolve("failing"));
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        GeneratorTruth truth = new DumpGenerator(3, 0.03, 20).writeRecords(dump, 2_000);
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean(true);
        HandlerDecorator brokenCompaction = (function, handler) -> function != LambdaFunction.COMPACT ? handler
                : (in, out, context) -> {
                    if (broken.get()) {
                        throw io.sensoretl.lambda.WorkflowError.translate(
                                new IllegalStateException("injected: the catalog is unavailable"));
                    }
                    handler.handleRequest(in, out, context);
                };
        try (LocalServices stack = LocalServices.start(dataDir, 0, 0);
                LocalPipeline pipeline = new LocalPipeline(stack, new LocalPipeline.Settings(2, true), brokenCompaction)) {
            stack.s3().putObject(b -> b.bucket(DataDir.SOURCE_BUCKET).key(KEY), RequestBody.fromBytes(dump.toByteArray()));
            RunReport failed = RunReport.of(pipeline.run(DataDir.SOURCE_BUCKET, KEY, RunOptions.DEFAULTS), dataDir);

            assertThat(failed.outcome()).isEqualTo(RunReport.FAILED);
            assertThat(failed.error()).isEqualTo("SensorEtl.Internal");
            assertThat(failed.cause()).contains("injected: the catalog is unavailable");
            String etag = stack.s3().headObject(b -> b.bucket(DataDir.SOURCE_BUCKET).key(KEY)).eTag();
            var entry = new io.sensoretl.ledger.local.LocalRunLedger(dataDir.stores(), java.time.Clock.systemUTC(),
                    java.time.Duration.ofHours(6)).get(new io.sensoretl.chunk.SourceVersion(DataDir.SOURCE_BUCKET, KEY, etag));
            assertThat(entry).hasValueSatisfying(r -> {
                assertThat(r.state()).isEqualTo(io.sensoretl.ledger.RunState.FAILED);
                assertThat(r.error()).contains("injected: the catalog is unavailable");
            });

            broken.set(false);
            RunReport retried = RunReport.of(pipeline.run(DataDir.SOURCE_BUCKET, KEY, RunOptions.DEFAULTS), dataDir);
            assertThat(retried.outcome()).isEqualTo(RunReport.PROCESSED);
            assertThat(retried.valid()).isEqualTo(truth.valid());
            assertCuratedMatches(dataDir, truth);
        }
    }

    /**
     * The source disappears (or is replaced) after planning: every chunk of it fails through the real
     * transform handler. A missing object may reappear (eventual consistency, an upload in progress), so
     * it is retried a bounded number of times and then dead-lettered; a replaced one is dead-lettered at
     * once (the new upload is a run of its own). The run itself succeeds and accounts for every chunk.
     */
    @Test
    void aMissingSourceIsRetriedABoundedNumberOfTimesThenDeadLetteredAndAReplacedOneAtOnce() throws Exception {
        DataDir dataDir = new DataDir(dir.resolve("vanishing"));
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        new DumpGenerator(5, 0.0, 10).writeRecords(dump, 3_000);
        java.util.concurrent.atomic.AtomicReference<Runnable> beforeFirstChunk = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.ConcurrentHashMap<Integer, java.util.concurrent.atomic.AtomicInteger> calls =
                new java.util.concurrent.ConcurrentHashMap<>();
        HandlerDecorator vanishing = (function, handler) -> function != LambdaFunction.TRANSFORM ? handler
                : (in, out, context) -> {
                    byte[] event = in.readAllBytes();
                    int chunk = io.sensoretl.lambda.Json.MAPPER.readTree(event).path("chunk").path("index").asInt();
                    calls.computeIfAbsent(chunk, c -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                    Runnable once = beforeFirstChunk.getAndSet(null);
                    if (once != null) {
                        once.run();
                    }
                    handler.handleRequest(new java.io.ByteArrayInputStream(event), out, context);
                };
        try (LocalServices stack = LocalServices.start(dataDir, 0, 0);
                LocalPipeline pipeline = new LocalPipeline(stack, new LocalPipeline.Settings(2, true), vanishing)) {
            DeadLetterQueue dlq = new DeadLetterQueue(stack.sqs(), stack.deadLetterQueueUrl());
            stack.s3().putObject(b -> b.bucket(DataDir.SOURCE_BUCKET).key(KEY), RequestBody.fromBytes(dump.toByteArray()));
            beforeFirstChunk.set(() -> stack.s3().deleteObject(b -> b.bucket(DataDir.SOURCE_BUCKET).key(KEY)));

            RunReport missing = RunReport.of(pipeline.run(DataDir.SOURCE_BUCKET, KEY,
                    new RunOptions(null, (long) dump.size() / 3, false)), dataDir);

            assertThat(missing.status()).as(missing.toString()).isEqualTo("SUCCEEDED");
            assertThat(missing.chunks()).isGreaterThanOrEqualTo(3);
            assertThat(missing.chunksDeadLettered()).isEqualTo(missing.chunks());
            assertThat(calls.values()).as("1 call + 3 retries per chunk").allSatisfy(n -> assertThat(n.get()).isEqualTo(4));
            assertThat(dlq.list()).hasSize(missing.chunks()).allSatisfy(l -> {
                assertThat(l.error()).isEqualTo("SensorEtl.SourceMissing");
                assertThat(l.message()).contains("s3://" + DataDir.SOURCE_BUCKET + "/" + KEY + " does not exist");
            });
            dlq.take().forEach(dlq::delete);

            calls.clear();
            ByteArrayOutputStream next = new ByteArrayOutputStream();
            new DumpGenerator(6, 0.0, 10).writeRecords(next, 3_000);
            stack.s3().putObject(b -> b.bucket(DataDir.SOURCE_BUCKET).key(KEY), RequestBody.fromBytes(next.toByteArray()));
            beforeFirstChunk.set(() -> stack.s3().putObject(b -> b.bucket(DataDir.SOURCE_BUCKET).key(KEY),
                    RequestBody.fromString("{\"replaced\": true}\n")));

            RunReport replaced = RunReport.of(pipeline.run(DataDir.SOURCE_BUCKET, KEY,
                    new RunOptions(null, (long) next.size() / 3, false)), dataDir);

            assertThat(replaced.outcome()).as(replaced.toString()).isEqualTo(RunReport.PROCESSED);
            assertThat(replaced.chunksDeadLettered()).isEqualTo(replaced.chunks());
            assertThat(calls.values()).as("not retried").allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
            assertThat(dlq.list()).allSatisfy(l -> assertThat(l.error()).isEqualTo("SensorEtl.SourceChanged"));
        }
    }

    @Test
    void aDayTooLargeForOneCompactionTaskIsCompactedInSlicesByTheWorkflowsMapsAndPublishedOnce() throws Exception {
        DataDir dataDir = new DataDir(dir.resolve("sliced"));
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        // 20,000 records two seconds apart: one day, one partition
        GeneratorTruth truth = new DumpGenerator(5, 0.02, 60, java.time.Instant.parse("2024-03-01T00:00:00Z"),
                java.time.Duration.ofSeconds(2)).writeRecords(dump, 20_000);
        // tasks of 4,000 rows: about 5 slices; 8 unsorted staged files, more than the fan-in of 4: group tasks first
        io.sensoretl.compact.CompactionConfig tasks = new io.sensoretl.compact.CompactionConfig(1 << 20, 1 << 20, 4,
                dataDir.tmp(), 4_000, java.time.Duration.ofDays(1));
        Map<String, java.util.concurrent.atomic.AtomicInteger> actions = new java.util.concurrent.ConcurrentHashMap<>();
        HandlerDecorator counting = (function, handler) -> function != LambdaFunction.COMPACT ? handler
                : (in, out, context) -> {
                    byte[] event = in.readAllBytes();
                    String action = io.sensoretl.lambda.Json.MAPPER.readTree(event).path("action").asText("all");
                    actions.computeIfAbsent(action, a -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                    handler.handleRequest(new java.io.ByteArrayInputStream(event), out, context);
                };
        try (LocalServices stack = LocalServices.start(dataDir, 0, 0);
                LocalPipeline pipeline = new LocalPipeline(stack, new LocalPipeline.Settings(3, true), counting, tasks)) {
            stack.s3().putObject(b -> b.bucket(DataDir.SOURCE_BUCKET).key(KEY), RequestBody.fromBytes(dump.toByteArray()));
            RunReport report = RunReport.of(pipeline.run(DataDir.SOURCE_BUCKET, KEY,
                    new RunOptions(null, (long) dump.size() / 8, false)), dataDir);

            assertThat(report.outcome()).as(report.toString()).isEqualTo(RunReport.PROCESSED);
            assertThat(report.partitions()).singleElement().satisfies(p -> {
                assertThat(p.status()).isEqualTo("COMPACTED");
                assertThat(p.slices()).isBetween(4, 7);
            });
            int slices = report.partitions().get(0).slices();
            assertThat(actions.get("plan")).hasValue(1);
            assertThat(actions.get("group").get()).as("group tasks").isGreaterThanOrEqualTo(4);
            assertThat(actions.get("slice")).as("one slice task each").hasValue(slices);
            assertThat(actions.get("publish")).hasValue(1);
            assertThat(actions).doesNotContainKey("all");
            assertCuratedMatches(dataDir, truth);
        }
    }

    private static void assertCuratedMatches(DataDir dataDir, GeneratorTruth truth) throws Exception {
        CuratedData curated = new CuratedData(dataDir);
        String readings = CuratedData.readParquet(curated.readingsGlobs());
        try (DuckDb db = new DuckDb()) {
            assertThat(((Number) db.scalar("SELECT count(*) FROM " + readings)).longValue()).isEqualTo(truth.valid());
            assertThat(((Number) db.scalar("SELECT count(*) FROM (SELECT DISTINCT sensor_id, ts, metric FROM " + readings
                    + ")")).longValue()).as("no reading twice").isEqualTo(truth.valid());
            Map<String, Long> perPartition = db.query("SELECT dt, count(*) AS n FROM " + readings + " GROUP BY dt").stream()
                    .collect(Collectors.toMap(r -> "dt=" + r.get("dt"), r -> ((Number) r.get("n")).longValue()));
            Map<String, Long> expected = truth.partitions().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().startsWith("dt=") ? e.getKey() : "dt=" + e.getKey(),
                            e -> e.getValue().count()));
            assertThat(perPartition).isEqualTo(expected);
            String rejects = CuratedData.readParquet(curated.rejectsGlobs());
            assertThat(((Number) db.scalar("SELECT count(*) FROM " + rejects)).longValue()).isEqualTo(truth.rejected());
        }
    }
}
