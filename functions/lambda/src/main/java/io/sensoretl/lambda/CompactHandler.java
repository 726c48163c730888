package io.sensoretl.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.aws.AwsClients;
import io.sensoretl.aws.S3Clients;
import io.sensoretl.aws.Settings;
import io.sensoretl.catalog.PartitionConflictException;
import io.sensoretl.catalog.PartitionCatalog;
import io.sensoretl.catalog.aws.GluePartitionCatalog;
import io.sensoretl.store.StoredObject;
import io.sensoretl.store.ObjectStore;
import io.sensoretl.compact.CompactionConfig;
import io.sensoretl.compact.CompactionPlan;
import io.sensoretl.compact.CompactionOutcome;
import io.sensoretl.compact.CuratedLayout;
import io.sensoretl.compact.PartitionLocks;
import io.sensoretl.compact.PlanFiles;
import io.sensoretl.compact.RunCompaction;
import io.sensoretl.compact.aws.DynamoDbPartitionLocks;
import io.sensoretl.store.aws.S3ObjectStore;
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
import java.util.Locale;
import java.util.Optional;
import org.crac.Resource;

/**
 * The {@code compact} Lambda: applies a run's staged files to the curated partitions it touched and
 * registers the run's rejects partition ({@link RunCompaction}).
 *
 * <p>Event: {@code {"action"?, "runId", "partitions"?: ["2024-03-01" | "dt=2024-03-01", ...], "sourceDate"?,
 * "reapply"?, "executionId"?}}. The workflow calls it four ways, so that a partition of any size is compacted in tasks of
 * bounded length: {@code plan} (every partition: its key-range slices and group tasks, written as Map
 * items; answers {@link Planned}), {@code group} and {@code slice} (one task each, {@code {runId, dt,
 * compactionId, index}}, run in parallel by Map states; answer {@link GroupDone}, {@link SliceDone}) and
 * {@code publish} (one catalog switch per partition; answers {@link Answer}). Without an action, all of it
 * runs in this invocation (small runs, the redrive), answering {@link Answer}.
 * Without {@code partitions} every partition staged by the run is compacted.
 * {@code reapply: true} applies the run again where it was applied already (after a redrive of
 * dead-lettered chunks, whose rows join the run's staged files). {@code executionId}, optional in every
 * action, is recorded with each partition lease taken: once that execution is known to have ended, another
 * run takes the lease at once.
 *
 * <p>A partition that moved between its plan and {@code publish} (its lease expired and another run
 * published it) fails {@code publish} with {@code SensorEtl.Conflict}, on which the workflow plans again;
 * in a single invocation it is {@code SensorEtl.Busy}, retried as a whole.
 * Settings: CURATED_BUCKET, GLUE_DATABASE, LEDGER_TABLE (partition leases), COMPACT_TARGET_MIB,
 * COMPACT_SORT_BUDGET_MIB, COMPACT_FAN_IN, COMPACT_SLICE_ROWS, REPLACED_VERSION_RETENTION_DAYS.
 */
public final class CompactHandler implements RequestStreamHandler {
    /** The four ways the workflow calls the function; {@code ALL} (no action) does everything at once. */
    public enum Action {
        PLAN, GROUP, SLICE, PUBLISH, ALL;

        static Action parse(JsonNode event) {
            if (event.path("action").isMissingNode() || event.path("action").isNull()) {
                return ALL;
            }
            String name = event.path("action").asText();
            return switch (name) {
                case "plan" -> PLAN;
                case "group" -> GROUP;
                case "slice" -> SLICE;
                case "publish" -> PUBLISH;
                default -> throw new IllegalArgumentException("unknown compaction action '" + name
                        + "': expected plan, group, slice or publish (or none, to do everything in this invocation)");
            };
        }

        String label() {
            return this == ALL ? "all" : name().toLowerCase(Locale.ROOT);
        }
    }

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

    /** One group or slice task, as the workflow's Map items carry it. */
    public static CompactionPlan.Task task(JsonNode event) {
        String runId = CuratedLayout.requireRunId(Json.required(event, "runId"));
        String dt = CuratedLayout.requireDt(Json.required(event, "dt").replaceFirst("^dt=", ""));
        String id = Json.required(event, "compactionId");
        if (!event.path("index").canConvertToInt() || event.path("index").asInt() < 0) {
            throw new IllegalArgumentException("missing or negative 'index' in the compaction task " + event);
        }
        return new CompactionPlan.Task(runId, dt, id, event.path("index").asInt());
    }

    /** {@code plan}'s answer; the state machine keeps it as {@code $compactionPlan}. */
    public record Planned(String runId, List<PlannedPartition> plannedPartitions, int groups, int slices,
                          String groupsKey, String slicesKey) {
        static Planned of(RunCompaction.Planned p) {
            return new Planned(p.runId(), p.partitions().stream().map(PlannedPartition::of).toList(), p.groups(),
                    p.slices(), p.groupsKey(), p.slicesKey());
        }
    }

    /** One partition's plan: {@code status} PLANNED, ALREADY_APPLIED or NOTHING_STAGED. */
    public record PlannedPartition(String dt, String status, String compactionId, long estimatedRows, int groups,
                                   int slices) {
        static PlannedPartition of(RunCompaction.PlannedPartition p) {
            return new PlannedPartition(p.dt(), p.status().name(), p.compactionId(), p.estimatedRows(), p.groups(),
                    p.slices());
        }
    }

    /** A group task's answer: the rows it sorted. */
    public record GroupDone(String dt, int group, long rows) {
        static GroupDone of(CompactionPlan.Task task, PlanFiles.GroupManifest m) {
            return new GroupDone(task.dt(), task.index(), m.rows());
        }
    }

    /** A slice task's answer: the rows and files it wrote into the partition's new version. */
    public record SliceDone(String dt, int slice, long rows, int files) {
        static SliceDone of(CompactionPlan.Task task, PlanFiles.SliceManifest m) {
            return new SliceDone(task.dt(), task.index(), m.stagedRows() + m.keptRows(), m.files().size());
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
                            long keptRows, long replacedRows, int slices) {
        static Partition of(CompactionOutcome o) {
            return new Partition(o.dt(), o.status().name(), o.location(), o.files().size(),
                    o.files().stream().mapToLong(StoredObject::size).sum(), o.stagedRows(), o.keptRows(), o.replacedRows(),
                    o.slices());
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
        this(new S3ObjectStore(S3Clients.from(settings), settings.required("CURATED_BUCKET")),
                new GluePartitionCatalog(AwsClients.glue(), settings.required("GLUE_DATABASE")),
                CompactionConfig.fromEnvironment(settings.asMap(), Path.of(System.getProperty("java.io.tmpdir"))),
                new DynamoDbPartitionLocks(AwsClients.dynamoDb(settings), settings.required("LEDGER_TABLE"), Clock.systemUTC()),
                Telemetry.stdout(settings.optional("POWERTOOLS_SERVICE_NAME")));
    }

    /** Without telemetry: the local runtime's and the tests' default. */
    public CompactHandler(ObjectStore blobs, PartitionCatalog catalog, CompactionConfig config, PartitionLocks locks) {
        this(blobs, catalog, config, locks, Telemetry.silent());
    }

    public CompactHandler(ObjectStore blobs, PartitionCatalog catalog, CompactionConfig config, PartitionLocks locks,
                          Telemetry telemetry) {
        this(new RunCompaction(blobs, catalog, config, locks), telemetry);
    }

    /** A compaction wired by the caller (the local runtime passes its crash points to it). */
    public CompactHandler(RunCompaction compaction, Telemetry telemetry) {
        this.compaction = compaction;
        this.telemetry = telemetry;
    }

    /**
     * Metrics (dimension Function=compact): SlicesPlanned, GroupsPlanned (plan); RowsSorted (group); RowsMerged
     * (slice); PartitionsCompacted, RowsCompacted, BytesWritten (publish, or all at once); log fields runId,
     * action, partitions.
     */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Instrumented.handle(input, output, context, telemetry, LambdaFunction.COMPACT.functionName(), "compaction step done",
                (event, inv) -> {
                    Action action = Action.parse(event);
                    inv.field(Invocation.RUN_ID, Json.field(event, "runId")).field("action", action.label());
                    return switch (action) {
                        case PLAN -> {
                            Planned p = plan(event);
                            inv.field("partitions", p.plannedPartitions().stream().map(PlannedPartition::dt).toList())
                                    .count(MetricNames.SLICES_PLANNED, p.slices())
                                    .count(MetricNames.GROUPS_PLANNED, p.groups());
                            yield p;
                        }
                        case GROUP -> {
                            GroupDone g = group(event);
                            inv.field("partitions", List.of(g.dt())).count(MetricNames.ROWS_SORTED, g.rows());
                            yield g;
                        }
                        case SLICE -> {
                            SliceDone s = slice(event);
                            inv.field("partitions", List.of(s.dt())).count(MetricNames.ROWS_MERGED, s.rows());
                            yield s;
                        }
                        case PUBLISH, ALL -> {
                            Answer a = action == Action.PUBLISH ? publish(event) : compact(event);
                            inv.field("partitions", a.partitions().stream().map(Partition::dt).toList())
                                    .count(MetricNames.PARTITIONS_COMPACTED, a.partitions().size())
                                    .count(MetricNames.ROWS_COMPACTED, a.rows())
                                    .bytes(MetricNames.BYTES_WRITTEN, a.partitions().stream().mapToLong(Partition::bytes).sum());
                            yield a;
                        }
                    };
                });
    }

    /** Everything in this invocation: plan, every task, publish. */
    public Answer compact(JsonNode event) throws IOException {
        return compact(Request.parse(event));
    }

    public Answer compact(Request request) throws IOException {
        return Answer.of(compaction.apply(request.runId(), request.partitions(), request.sourceDate(), request.reapply(),
                request.executionId()));
    }

    /** {@code action: plan}: plans every partition (taking its lease) and writes the Map items. */
    public Planned plan(JsonNode event) throws IOException {
        Request request = Request.parse(event);
        return Planned.of(compaction.plan(request.runId(), request.partitions(), request.reapply(),
                request.executionId()));
    }

    /** {@code action: group}: one group task of a plan. */
    public GroupDone group(JsonNode event) throws IOException {
        CompactionPlan.Task task = task(event);
        return GroupDone.of(task, compaction.group(task, Json.field(event, "executionId")));
    }

    /** {@code action: slice}: one slice task of a plan. */
    public SliceDone slice(JsonNode event) throws IOException {
        CompactionPlan.Task task = task(event);
        return SliceDone.of(task, compaction.slice(task, Json.field(event, "executionId")));
    }

    /**
     * {@code action: publish}: publishes what the tasks wrote, one catalog switch per partition, and
     * registers the rejects partition.
     *
     * @throws SensorEtl.Conflict when a partition moved since it was planned: the workflow plans again
     */
    public Answer publish(JsonNode event) throws IOException {
        Request request = Request.parse(event);
        try {
            return Answer.of(compaction.publish(request.runId(), request.partitions(), request.sourceDate(),
                    request.executionId()));
        } catch (PartitionConflictException e) {
            throw new SensorEtl.Conflict("partition moved since it was planned, plan again: " + e.getMessage(), e);
        }
    }
}
