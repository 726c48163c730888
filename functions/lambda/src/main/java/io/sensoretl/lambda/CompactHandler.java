package io.sensoretl.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.aws.AwsClients;
import io.sensoretl.aws.S3Clients;
import io.sensoretl.catalog.CuratedTables;
import io.sensoretl.catalog.PartitionCatalog;
import io.sensoretl.catalog.PartitionSwitch;
import io.sensoretl.catalog.aws.GluePartitionCatalog;
import io.sensoretl.compact.Blob;
import io.sensoretl.compact.Blobs;
import io.sensoretl.compact.CompactionConfig;
import io.sensoretl.compact.CompactionOutcome;
import io.sensoretl.compact.CrashPoint;
import io.sensoretl.compact.CuratedLayout;
import io.sensoretl.compact.PartitionCompactor;
import io.sensoretl.compact.PartitionLocks;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.crac.Resource;

/**
 * The {@code compact} Lambda: applies a run's staged files to the curated partitions it touched
 * (see {@link PartitionCompactor}) and registers the run's rejects partition.
 *
 * <p>Event: {@code {"runId", "partitions"?: ["2024-03-01" | "dt=2024-03-01", ...], "sourceDate"?, "reapply"?}}.
 * Without {@code partitions} every partition staged by the run is compacted; a workflow with very
 * many partitions passes them in slices (a Map state) to stay within the Lambda time limit.
 * {@code reapply: true} applies the run again where it was applied already (after a redrive of
 * dead-lettered chunks, whose rows join the run's staged files).
 * Settings: CURATED_BUCKET, GLUE_DATABASE, LEDGER_TABLE (partition leases), COMPACT_TARGET_MIB,
 * COMPACT_SORT_BUDGET_MIB, COMPACT_FAN_IN.
 */
public final class CompactHandler implements RequestStreamHandler {
    private final Blobs blobs;
    private final PartitionCatalog catalog;
    private final CompactionConfig config;
    private final PartitionLocks locks;
    private final Telemetry telemetry;
    private volatile boolean tablesEnsured;

    /** Held here because the CRaC context keeps resources only weakly. */
    private Resource priming;

    /** The Lambda entry point: AWS clients from the environment, SnapStart priming registered. */
    public CompactHandler() {
        this(new S3Blobs(S3Clients.fromEnvironment(), AwsClients.requiredEnv("CURATED_BUCKET")),
                new GluePartitionCatalog(AwsClients.glueFromEnvironment(), AwsClients.requiredEnv("GLUE_DATABASE")),
                CompactionConfig.fromEnvironment(System.getenv(), Path.of(System.getProperty("java.io.tmpdir"))),
                new DynamoDbPartitionLocks(AwsClients.dynamoDbFromEnvironment(), AwsClients.requiredEnv("LEDGER_TABLE"),
                        Clock.systemUTC()), Telemetry.stdout());
        this.priming = SnapStart.register(LambdaFunction.COMPACT);
    }

    /** Without telemetry: the local runtime's and the tests' default. */
    public CompactHandler(Blobs blobs, PartitionCatalog catalog, CompactionConfig config, PartitionLocks locks) {
        this(blobs, catalog, config, locks, Telemetry.silent());
    }

    public CompactHandler(Blobs blobs, PartitionCatalog catalog, CompactionConfig config, PartitionLocks locks,
                          Telemetry telemetry) {
        this.blobs = blobs;
        this.catalog = catalog;
        this.config = config;
        this.locks = locks;
        this.telemetry = telemetry;
    }

    /** Metrics (dimension Function=compact): PartitionsCompacted, RowsCompacted, BytesWritten; log field runId. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Instrumented.handle(input, output, context, telemetry, LambdaFunction.COMPACT.functionName(), "run compacted", (event, inv) -> {
            inv.field(Invocation.RUN_ID, Json.field(event, "runId"));
            Map<String, Object> r = compact(event);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> parts = (List<Map<String, Object>>) r.get("partitions");
            inv.field("partitions", parts.stream().map(p -> p.get("dt")).toList())
                    .count(MetricNames.PARTITIONS_COMPACTED, parts.size())
                    .count(MetricNames.ROWS_COMPACTED, (Long) r.get("rows"))
                    .bytes(MetricNames.BYTES_WRITTEN, parts.stream().mapToLong(p -> (Long) p.get("bytes")).sum());
            return r;
        });
    }

    public Map<String, Object> compact(JsonNode event) throws IOException {
        String runId = CuratedLayout.requireRunId(RunEvents.required(event, "runId"));
        ensureTables();
        PartitionCompactor compactor = new PartitionCompactor(blobs, catalog, CuratedTables.READINGS, config, locks,
                CrashPoint.NONE);
        List<Map<String, Object>> partitions = new ArrayList<>();
        long rows = 0;
        boolean reapply = event.path("reapply").asBoolean(false);
        for (String dt : partitionsOf(event, runId)) {
            CompactionOutcome o = compactor.compact(runId, dt, reapply);
            rows += o.rows();
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("dt", o.dt());
            p.put("status", o.status().name());
            p.put("location", o.location());
            p.put("files", o.files().size());
            p.put("bytes", o.files().stream().mapToLong(Blob::size).sum());
            p.put("stagedRows", o.stagedRows());
            p.put("keptRows", o.keptRows());
            p.put("replacedRows", o.replacedRows());
            partitions.add(p);
        }
        String rejectsDt = registerRejects(runId, Json.field(event, "sourceDate"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("runId", runId);
        out.put("partitions", partitions);
        out.put("rows", rows);
        out.put("rejectsPartition", rejectsDt);
        return out;
    }

    private void ensureTables() {
        if (!tablesEnsured) {
            catalog.ensureTable(CuratedTables.readings(blobs.location("")));
            catalog.ensureTable(CuratedTables.rejects(blobs.location("")));
            tablesEnsured = true;
        }
    }

    private List<String> partitionsOf(JsonNode event, String runId) throws IOException {
        TreeSet<String> dts = new TreeSet<>();
        if (event.path("partitions").isArray()) {
            event.path("partitions").forEach(p -> dts.add(CuratedLayout.requireDt(p.asText().replaceFirst("^dt=", ""))));
            return List.copyOf(dts);
        }
        String root = CuratedLayout.stagingRoot(runId);
        for (Blob b : blobs.list(root)) {
            String rest = b.key().substring(root.length());
            if (rest.startsWith("dt=") && rest.indexOf('/') > 0) {
                dts.add(CuratedLayout.requireDt(rest.substring(3, rest.indexOf('/'))));
            }
        }
        return List.copyOf(dts);
    }

    /** Rejects are written in place by the transform; their dt partition only needs to exist. */
    private String registerRejects(String runId, String sourceDate) throws IOException {
        if (sourceDate == null) {
            return null;
        }
        String dt = CuratedLayout.requireDt(sourceDate);
        String prefix = CuratedLayout.rejectsPartitionPrefix(dt);
        if (blobs.list(prefix + "run=" + runId + "/").isEmpty()) {
            return null;
        }
        String location = blobs.location(prefix);
        if (!catalog.partitions(CuratedTables.REJECTS, List.of(dt)).containsKey(dt)) {
            catalog.switchPartitions(CuratedTables.REJECTS, List.of(PartitionSwitch.add(dt, location, Map.of())));
        }
        return dt;
    }
}
