package io.sensoretl.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.catalog.CuratedTables;
import io.sensoretl.catalog.PartitionState;
import io.sensoretl.catalog.local.LocalPartitionCatalog;
import io.sensoretl.chunk.SourceVersion;
import io.sensoretl.compact.CompactionConfig;
import io.sensoretl.compact.local.LocalPartitionLocks;
import io.sensoretl.latest.LatestReading;
import io.sensoretl.latest.LatestReadingsUpdate;
import io.sensoretl.latest.local.LocalLatestReadings;
import io.sensoretl.ledger.RunState;
import io.sensoretl.ledger.local.LocalRunLedger;
import io.sensoretl.parquet.ParquetFiles;
import io.sensoretl.parquet.StreamOutputFile;
import io.sensoretl.reading.Reading;
import io.sensoretl.reading.Reject;
import io.sensoretl.reading.RejectReason;
import io.sensoretl.store.aws.S3ObjectStore;
import io.sensoretl.testing.DuckDb;
import io.sensoretl.testing.EmbeddedS3;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.parquet.hadoop.ParquetWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The four finalisation handlers driven through their JSON interface over S3 (S3Proxy), with the
 * local catalog, ledger and latest-readings stores, as the local runtime wires them.
 */
class FinalisationHandlersTest {
    private static final String BUCKET = "curated";

    @TempDir
    Path dir;

    private EmbeddedS3 s3;
    private LocalPartitionCatalog catalog;
    private LocalLatestReadings latest;
    private RecordRunHandler record;
    private CompactHandler compact;
    private LatestReadingsHandler latestHandler;
    private CloseRunHandler close;

    @BeforeEach
    void wire() throws Exception {
        s3 = EmbeddedS3.inMemory().bucket(BUCKET);
        // S3Proxy has no object tagging (nor lifecycle rules): replaced versions are left to the compactor's sweep
        S3ObjectStore blobs = S3ObjectStore.withoutLifecycleTags(s3.client(), BUCKET);
        catalog = new LocalPartitionCatalog(dir.resolve("data"));
        latest = new LocalLatestReadings(dir.resolve("data"));
        LocalRunLedger ledger = new LocalRunLedger(dir.resolve("data"), Clock.systemUTC(), Duration.ofHours(6));
        record = new RecordRunHandler(ledger);
        compact = new CompactHandler(blobs, catalog,
                new CompactionConfig(256 * 1024, 1024 * 1024, 4, dir.resolve("scratch")),
                new LocalPartitionLocks(dir.resolve("data"), Clock.systemUTC()));
        latestHandler = new LatestReadingsHandler(blobs, latest);
        close = new CloseRunHandler(ledger);
    }

    @AfterEach
    void stop() throws Exception {
        s3.close();
    }

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    private static byte[] parquet(List<Reading> rows) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ParquetWriter<Reading> w = ParquetFiles.readingWriter(new StreamOutputFile(bytes, "staged"))) {
            for (Reading r : rows) {
                w.write(r);
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void aRunIsRecordedCompactedPublishedAndClosedAndItsDuplicateEventStopsAtTheLedger() throws Exception {
        String event = """
                {"version":"0","detail-type":"Object Created","source":"aws.s3",
                 "detail":{"bucket":{"name":"uploads"},"object":{"key":"incoming/site-a.ndjson","etag":"d41d8cd9"}},
                 "executionId":"arn:aws:states:eu-west-1:1:execution:etl:exec-1"}""";
        RecordRunHandler.Answer started = record.record(json(event));
        assertThat(started.decision()).isEqualTo("STARTED");
        assertThat(started.started()).isTrue();
        String runId = started.runId();
        assertThat(runId).isEqualTo(new SourceVersion("uploads", "incoming/site-a.ndjson", "d41d8cd9").runId());

        Random random = new Random(5);
        Map<String, Long> expectedSums = new HashMap<>();
        Map<String, Long> newestTs = new HashMap<>();
        long total = 0;
        for (String dt : List.of("2024-03-01", "2024-03-02")) {
            long day = Reading.micros(Instant.parse(dt + "T00:00:00Z"));
            for (int chunk = 0; chunk < 6; chunk++) {
                List<Reading> rows = new java.util.ArrayList<>();
                for (int i = 0; i < 3_000; i++) {
                    String sensor = "s-" + random.nextInt(40);
                    long ts = day + random.nextInt(86_400_000) * 1_000L;
                    long value = random.nextInt(1000);
                    rows.add(new Reading(sensor, ts, "temperature", value, "degC", null, null, Map.of(),
                            "incoming/site-a.ndjson", runId));
                    expectedSums.merge(dt + "/" + sensor, value, Long::sum);
                    newestTs.merge(sensor, ts, Math::max);
                    total++;
                }
                s3.put(BUCKET, "runs/" + runId + "/staging/dt=" + dt + String.format("/chunk-%05d.parquet", chunk), parquet(rows));
            }
        }
        ByteArrayOutputStream rejects = new ByteArrayOutputStream();
        try (var w = ParquetFiles.rejectWriter(new StreamOutputFile(rejects, "rejects"))) {
            w.write(new Reject("incoming/site-a.ndjson", 10, RejectReason.OUT_OF_RANGE, "value 900 > 80", "{}", runId));
        }
        s3.put(BUCKET, "curated/rejects/dt=2024-03-05/run=" + runId + "/chunk-00000.parquet", rejects.toByteArray());

        CompactHandler.Answer compacted = compact.compact(json("{\"runId\":\"" + runId + "\",\"sourceDate\":\"2024-03-05\"}"));

        assertThat(compacted.rows()).isEqualTo(total);
        assertThat(compacted.rejectsPartition()).isEqualTo("2024-03-05");
        assertThat(catalog.listPartitions(CuratedTables.READINGS)).extracting(PartitionState::dt)
                .containsExactly("2024-03-01", "2024-03-02");
        assertThat(catalog.listPartitions(CuratedTables.REJECTS)).extracting(PartitionState::location)
                .containsExactly("s3://curated/curated/rejects/dt=2024-03-05/");
        Path copy = download("curated/");
        try (DuckDb db = new DuckDb()) {
            for (PartitionState p : catalog.listPartitions(CuratedTables.READINGS)) {
                String files = copy.resolve(p.location().substring("s3://curated/".length())) + "/*.parquet";
                for (Map<String, Object> row : db.query("SELECT sensor_id, CAST(sum(value) AS BIGINT) AS s FROM read_parquet("
                        + DuckDb.literal(files) + ") GROUP BY sensor_id")) {
                    assertThat(row.get("s")).as("sum of %s on %s", row.get("sensor_id"), p.dt())
                            .isEqualTo(expectedSums.get(p.dt() + "/" + row.get("sensor_id")));
                }
                assertThat(db.scalar("SELECT count(*) FROM read_parquet(" + DuckDb.literal(files) + ")")).isEqualTo(18_000L);
            }
            assertThat(db.scalar("SELECT count(*) FROM read_parquet(" + DuckDb.literal(copy
                    .resolve("curated/rejects") + "/*/*/*.parquet") + ")")).isEqualTo(1L);
        }

        LatestReadingsUpdate.Result published = latestHandler.upsert(json("{\"runId\":\"" + runId + "\"}"));
        assertThat(published).isEqualTo(new LatestReadingsUpdate.Result(runId, 2, 40, 40, 0));
        LatestReading s7 = latest.get("s-7", "temperature").orElseThrow();
        assertThat(s7.tsMicros()).isEqualTo(newestTs.get("s-7"));

        CloseRunHandler.Answer closed = close.close(json("""
                {"bucket":"uploads","key":"incoming/site-a.ndjson","etag":"\\"d41d8cd9\\"",
                 "executionId":"arn:aws:states:eu-west-1:1:execution:etl:exec-1","status":"SUCCEEDED",
                 "counts":{"records":36001,"valid":36000,"rejected":1,"deadLetteredChunks":0},
                 "partitions":["2024-03-01","2024-03-02"]}"""));
        assertThat(closed.state()).isEqualTo(RunState.SUCCEEDED.name());
        assertThat(closed.valid()).isEqualTo(36_000L);

        RecordRunHandler.Answer duplicate = record.record(json(event.replace("exec-1", "exec-2")));
        assertThat(duplicate.decision()).isEqualTo("ALREADY_SUCCEEDED");
        assertThat(duplicate.started()).isFalse();
        CompactHandler.Answer recompacted = compact.compact(json("{\"runId\":\"" + runId + "\"}"));
        assertThat(recompacted.partitions()).extracting(CompactHandler.Partition::status).containsOnly("ALREADY_APPLIED");
    }

    @Test
    void aSecondRunMergesIntoTheCuratedVersionOnS3AndTheOldVersionStaysReadableForItsGracePeriod() throws Exception {
        String first = record.record(json(
                "{\"bucket\":\"uploads\",\"key\":\"a.ndjson\",\"etag\":\"e1\",\"executionId\":\"x1\"}")).runId();
        String second = record.record(json(
                "{\"bucket\":\"uploads\",\"key\":\"b.ndjson\",\"etag\":\"e2\",\"executionId\":\"x2\"}")).runId();
        long day = Reading.micros(Instant.parse("2024-03-01T00:00:00Z"));
        for (String run : List.of(first, second)) {
            List<Reading> rows = new java.util.ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                rows.add(new Reading("s-" + (i % 25), day + (i * 7_919L % 86_400_000L) * 1_000L, "co2", i % 500,
                        "ppm", null, null, Map.of(), run + ".ndjson", run));
            }
            s3.put(BUCKET, "runs/" + run + "/staging/dt=2024-03-01/chunk-00000.parquet", parquet(rows));
        }
        compact.compact(json("{\"runId\":\"" + first + "\",\"partitions\":[\"dt=2024-03-01\"]}"));
        String firstLocation = catalog.listPartitions(CuratedTables.READINGS).get(0).location();

        CompactHandler.Answer merged = compact.compact(json("{\"runId\":\"" + second + "\"}"));

        assertThat(merged.rows()).isEqualTo(40_000L);
        assertThat(merged.partitions()).singleElement().satisfies(p -> {
            assertThat(p.keptRows()).isEqualTo(20_000L);
            assertThat(p.stagedRows()).isEqualTo(20_000L);
        });
        String secondLocation = catalog.listPartitions(CuratedTables.READINGS).get(0).location();
        assertThat(secondLocation).isNotEqualTo(firstLocation);
        List<String> keys = s3.client().listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("curated/readings/"))
                .contents().stream().map(S3Object::key).toList();
        assertThat(keys).isNotEmpty().allSatisfy(k -> assertThat("s3://curated/" + k).satisfiesAnyOf(
                key -> assertThat(key).startsWith(secondLocation),
                key -> assertThat(key).as("the replaced version, kept for queries that planned before the switch")
                        .startsWith(firstLocation),
                key -> assertThat(key).startsWith("s3://curated/" + io.sensoretl.compact.CuratedLayout.REPLACED_ROOT)));
        assertThat(keys).anyMatch(k -> ("s3://curated/" + k).startsWith(firstLocation));
        Path copy = download("curated/readings/");
        try (DuckDb db = new DuckDb()) {
            assertThat(db.query("SELECT run_id, count(*) AS n FROM read_parquet(" + DuckDb.literal(copy
                    .resolve(secondLocation.substring("s3://curated/".length())) + "/*.parquet") + ") GROUP BY run_id ORDER BY run_id"))
                    .containsExactlyInAnyOrder(Map.of("run_id", first, "n", 20_000L), Map.of("run_id", second, "n", 20_000L));
        }
    }

    /**
     * Publish partitions finds the partition moved since Plan compaction (another run published it: its
     * lease had expired). Retrying the publish cannot help, so it fails with SensorEtl.Conflict, which the
     * workflow's Catch answers by planning again; the new plan then publishes both runs' rows.
     */
    @Test
    void aPartitionThatMovedSincePlanningFailsPublishWithConflictAndAFreshPlanPublishesIt() throws Exception {
        String first = record.record(json(
                "{\"bucket\":\"uploads\",\"key\":\"a.ndjson\",\"etag\":\"e1\",\"executionId\":\"x1\"}")).runId();
        String second = record.record(json(
                "{\"bucket\":\"uploads\",\"key\":\"b.ndjson\",\"etag\":\"e2\",\"executionId\":\"x2\"}")).runId();
        long day = Reading.micros(Instant.parse("2024-03-01T00:00:00Z"));
        for (String run : List.of(first, second)) {
            List<Reading> rows = new java.util.ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                rows.add(new Reading("s-" + (i % 25), day + i * 1_000_000L, "co2", i, "ppm", null, null, Map.of(),
                        run + ".ndjson", run));
            }
            s3.put(BUCKET, "runs/" + run + "/staging/dt=2024-03-01/chunk-00000.parquet", parquet(rows));
        }
        String day1 = "\"partitions\":[\"2024-03-01\"]";
        CompactHandler.Planned planned = compact.plan(json("{\"action\":\"plan\",\"runId\":\"" + first + "\"," + day1 + "}"));
        assertThat(planned.slices()).isEqualTo(1);
        compact.slice(json("{\"runId\":\"" + first + "\",\"dt\":\"2024-03-01\",\"compactionId\":\""
                + planned.plannedPartitions().get(0).compactionId() + "\",\"index\":0}"));
        // the other run ignores the lease, as one whose lease expired would
        CompactHandler other = new CompactHandler(S3ObjectStore.withoutLifecycleTags(s3.client(), BUCKET), catalog,
                new CompactionConfig(256 * 1024, 1024 * 1024, 4, dir.resolve("scratch-2")), io.sensoretl.compact.PartitionLocks.NONE);
        other.compact(json("{\"runId\":\"" + second + "\"," + day1 + "}"));

        java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> compact.handleRequest(new java.io.ByteArrayInputStream(
                        ("{\"action\":\"publish\",\"runId\":\"" + first + "\"," + day1 + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        answer, null))
                .satisfies(e -> assertThat(e.getClass().getName()).isEqualTo(WorkflowError.CONFLICT.errorName()))
                .hasMessageContaining("plan again");

        CompactHandler.Planned again = compact.plan(json("{\"action\":\"plan\",\"runId\":\"" + first + "\"," + day1 + "}"));
        for (int i = 0; i < again.slices(); i++) {
            compact.slice(json("{\"runId\":\"" + first + "\",\"dt\":\"2024-03-01\",\"compactionId\":\""
                    + again.plannedPartitions().get(0).compactionId() + "\",\"index\":" + i + "}"));
        }
        CompactHandler.Answer published = compact.publish(json("{\"action\":\"publish\",\"runId\":\"" + first + "\"," + day1 + "}"));
        assertThat(published.partitions()).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo("COMPACTED");
            assertThat(p.keptRows()).as("the other run's rows").isEqualTo(2_000L);
            assertThat(p.stagedRows()).isEqualTo(2_000L);
        });
    }

    @Test
    void aCompactEventNamingABadPartitionIsRefusedNamingIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> compact.compact(
                json("{\"runId\":\"run-1\",\"partitions\":[\"2024-3-1\"]}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2024-3-1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> compact.compact(json("{\"partitions\":[]}")))
                .hasMessageContaining("runId");
    }

    @Test
    void aFailedRunRecordsTheStepFunctionsErrorAndMayBeStartedAgain() throws Exception {
        String start = "{\"bucket\":\"uploads\",\"key\":\"k.csv\",\"etag\":\"e1\",\"executionId\":\"exec-1\"}";
        record.record(json(start));

        CloseRunHandler.Answer failed = close.close(json("{\"bucket\":\"uploads\",\"key\":\"k.csv\",\"etag\":\"e1\","
                + "\"executionId\":\"exec-1\",\"status\":\"FAILED\",\"error\":{\"Error\":\"States.Timeout\",\"Cause\":\"chunk 3\"}}"));
        RecordRunHandler.Answer again = record.record(json(start.replace("exec-1", "exec-2")));

        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(again.decision()).isEqualTo("STARTED");
        assertThat(again.attempt()).isEqualTo(2);
    }

    private Path download(String prefix) throws Exception {
        Path root = dir.resolve("download");
        for (S3Object o : s3.client().listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents()) {
            Path target = root.resolve(o.key());
            Files.createDirectories(target.getParent());
            Files.write(target, s3.client().getObjectAsBytes(b -> b.bucket(BUCKET).key(o.key())).asByteArray());
        }
        return root;
    }
}
