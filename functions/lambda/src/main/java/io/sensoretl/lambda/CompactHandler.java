package io.sensoretl.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.aws.AwsClients;
import io.sensoretl.aws.S3Clients;
import io.sensoretl.aws.Settings;
import io.sensoretl.catalog.PartitionCatalog;
import io.sensoretl.catalog.aws.GluePartitionCatalog;
import io.sensoretl.compact.Blob;
import io.sensoretl.compact.Blobs;
import io.sensoretl.compact.CompactionConfig;
import io.sensoretl.compact.CompactionOutcome;
import io.sensoretl.compact.CuratedLayout;
import io.sensoretl.compact.PartitionLocks;
import io.sensoretl.compact.RunCompaction;
import io.sensoretl.compact.aws.DynamoDbPartitionLocks;
import io.sensoretl.compact.aws.S3Blobs;
import io.sensoretl.telemetry.Invocation;
import io.sensoretl.telemetry.MetricNames;
import io.sensoretl.telemetry.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crac.Resource;

/**
 * The {@code compact} Lambda: applies a run's staged files to the curated partitions it touched and
 * registers the run's rejects partition ({@link RunCompaction}).
 *
 * <p>Event: {@code {"runId", "partitions"?: ["2024-03-01" | "dt=2024-03-01", ...], "sourceDate"?, "reapply"?,
 * "executionId"?}}.
 * Without {@code partitions} every partition staged by the run is compacted; a workflow with very
 * many partitions passes them in slices (a Map state) to stay within the Lambda time limit.
 * {@code reapply: true} applies the run again where it was applied already (after a redrive of
 * dead-lettered chunks, whose rows join the run's staged files). {@code executionId}, optional, is recorded
 * with each partition lease: once that execution is known to have ended, another run takes the lease at once.
 * Settings: CURATED_BUCKET, GLUE_DATABASE, LEDGER_TABLE (partition leases), COMPACT_TARGET_MIB,
 * COMPACT_SORT_BUDGET_MIB, COMPACT_FAN_IN.
 */
public final class CompactHandler implements RequestStreamHandler {
    /** What the step is asked; {@code partitions} is empty for "every partition the run staged". */
    public record Request(String runId, Optional<List<String>> partitions, String sourceDate, boolean reapply,
                          String executionId) {
        public Request(String runId, Optional<List<String>> partitions, String sourceDate, boolean reapply) {
            this(runId, partitions, sourceDate, reapply, null);
        }

        public static Request parse(JsonNode event) {
            Optional<List<String>> partitions = Optional.empty();
            if (event.path("partitions").isArray()) {
                List<String> dts = new ArrayList<>();
                event.path("partitions").forEach(p -> dts.add(CuratedLayout.requireDt(p.asText().replaceFirst("^dt=", ""))));
                partitions = Optional.of(List.copyOf(dts));
            }
            return new Request(CuratedLayout.requireRunId(Json.required(event, "runId")), partitions,
                    Json.field(event, "sourceDate"), event.path("reapply").asBoolean(false), Json.field(event, "executionId"));
        }
    }

    /** The step's answer; the state machine keeps it as {@code $compaction}. */
    public record Answer(String runId, List<Partition> partitions, long rows, String rejectsPartition) {
        static Answer of(RunCompaction.Result r) {
            return new Answer(r.runId(), r.partitions().stream().map(Partition::of).toList(), r.rows(), r.rejectsPartition());
        }
    }

    /** One partition: what compaction did there, and the version now published. */
    public record Partition(String dt, String status, String location, int files, long bytes, long stagedRows,
                            long keptRows, long replacedRows) {
        static Partition of(CompactionOutcome o) {
            return new Partition(o.dt(), o.status().name(), o.location(), o.files().size(),
                    o.files().stream().mapToLong(Blob::size).sum(), o.stagedRows(), o.keptRows(), o.replacedRows());
        }
    }

    private final RunCompaction compaction;
    private final Telemetry telemetry;

    /** Held here because the CRaC context keeps resources only weakly. */
    private Resource priming;

    /** The Lambda entry point: settings from the environment, SnapStart priming registered. */
    public CompactHandler() {
        this(Settings.of(System.getenv()));
        this.priming = SnapStart.register(LambdaFunction.COMPACT);
    }

    /** The AWS wiring of these settings. */
    public CompactHandler(Settings settings) {
        this(new S3Blobs(S3Clients.from(settings), settings.required("CURATED_BUCKET")),
                new GluePartitionCatalog(AwsClients.glue(), settings.required("GLUE_DATABASE")),
                CompactionConfig.fromEnvironment(settings.asMap(), Path.of(System.getProperty("java.io.tmpdir"))),
                new DynamoDbPartitionLocks(AwsClients.dynamoDb(settings), settings.required("LEDGER_TABLE"), Clock.systemUTC()),
                Telemetry.stdout());
    }

    /** Without telemetry: the local runtime's and the tests' default. */
    public CompactHandler(Blobs blobs, PartitionCatalog catalog, CompactionConfig config, PartitionLocks locks) {
        this(blobs, catalog, config, locks, Telemetry.silent());
    }

    public CompactHandler(Blobs blobs, PartitionCatalog catalog, CompactionConfig config, PartitionLocks locks,
                          Telemetry telemetry) {
        this(new RunCompaction(blobs, catalog, config, locks), telemetry);
    }

    /** A compaction wired by the caller (the local runtime passes its crash points to it). */
    public CompactHandler(RunCompaction compaction, Telemetry telemetry) {
        this.compaction = compaction;
        this.telemetry = telemetry;
    }

    /** Metrics (dimension Function=compact): PartitionsCompacted, RowsCompacted, BytesWritten; log fields runId, partitions. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Instrumented.handle(input, output, context, telemetry, LambdaFunction.COMPACT.functionName(), "run compacted",
                (event, inv) -> {
                    Request request = Request.parse(event);
                    inv.field(Invocation.RUN_ID, request.runId());
                    Answer a = compact(request);
                    inv.field("partitions", a.partitions().stream().map(Partition::dt).toList())
                            .count(MetricNames.PARTITIONS_COMPACTED, a.partitions().size())
                            .count(MetricNames.ROWS_COMPACTED, a.rows())
                            .bytes(MetricNames.BYTES_WRITTEN, a.partitions().stream().mapToLong(Partition::bytes).sum());
                    return a;
                });
    }

    public Answer compact(JsonNode event) throws IOException {
        return compact(Request.parse(event));
    }

    public Answer compact(Request request) throws IOException {
        return Answer.of(compaction.apply(request.runId(), request.partitions(), request.sourceDate(), request.reapply(),
                request.executionId()));
    }
}
