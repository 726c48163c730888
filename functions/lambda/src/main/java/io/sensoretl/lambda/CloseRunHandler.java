package io.sensoretl.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.aws.AwsClients;
import io.sensoretl.aws.S3Clients;
import io.sensoretl.compact.BlobOutput;
import io.sensoretl.compact.Blobs;
import io.sensoretl.compact.aws.S3Blobs;
import io.sensoretl.ledger.RunCounts;
import io.sensoretl.ledger.RunKey;
import io.sensoretl.ledger.RunLedger;
import io.sensoretl.ledger.RunRecord;
import io.sensoretl.ledger.RunsTable;
import io.sensoretl.ledger.aws.DynamoDbRunLedger;
import io.sensoretl.telemetry.Invocation;
import io.sensoretl.telemetry.MetricNames;
import io.sensoretl.telemetry.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crac.Resource;

/**
 * The {@code close-run} Lambda, last state of the workflow (and of its Catch path): records the
 * run's outcome in the ledger.
 *
 * <p>Event: {@code {"bucket","key","etag","executionId","status":"SUCCEEDED"|"FAILED",
 * "counts":{"records","valid","rejected","deadLetteredChunks"},"partitions":[...],"error"}}; the
 * error may be the {@code {"Error","Cause"}} object a Step Functions Catch produces.
 *
 * <p>The closed entry is also written to {@code ledger/runs/<run-id>.json} in the curated bucket
 * ({@link RunsTable}), which is how Athena sees the ledger (the {@code runs} table). Settings:
 * LEDGER_TABLE, CURATED_BUCKET.
 */
public final class CloseRunHandler implements RequestStreamHandler {
    private final RunLedger ledger;
    private final Telemetry telemetry;
    private final Blobs runsExport;

    /** Held here because the CRaC context keeps resources only weakly. */
    private Resource priming;

    /** The Lambda entry point: AWS clients from the environment, SnapStart priming registered. */
    public CloseRunHandler() {
        this(new DynamoDbRunLedger(AwsClients.dynamoDbFromEnvironment(), AwsClients.requiredEnv("LEDGER_TABLE"),
                Clock.systemUTC(), Duration.ofHours(6)), Telemetry.stdout(),
                new S3Blobs(S3Clients.fromEnvironment(), AwsClients.requiredEnv("CURATED_BUCKET")));
        this.priming = SnapStart.register(LambdaFunction.CLOSE_RUN);
    }

    /** Without telemetry and without the export: the local runtime (its query engine reads the local ledger directly). */
    public CloseRunHandler(RunLedger ledger) {
        this(ledger, Telemetry.silent(), null);
    }

    public CloseRunHandler(RunLedger ledger, Telemetry telemetry) {
        this(ledger, telemetry, null);
    }

    public CloseRunHandler(RunLedger ledger, Blobs runsExport) {
        this(ledger, Telemetry.silent(), runsExport);
    }

    /** @param runsExport where closed entries are written for the {@code runs} table, or {@code null} for nowhere */
    public CloseRunHandler(RunLedger ledger, Telemetry telemetry, Blobs runsExport) {
        this.ledger = ledger;
        this.telemetry = telemetry;
        this.runsExport = runsExport;
    }

    /**
     * Metrics (dimension Function=close-run): RunsSucceeded, RunsFailed (1 or 0) and ChunksDeadLettered
     * (the run's chunks that ended in the DLQ); log fields runId, sourceKey, state, error.
     */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Instrumented.handle(input, output, context, telemetry, LambdaFunction.CLOSE_RUN.functionName(), "run closed", (event, inv) -> {
            inv.field(Invocation.SOURCE_KEY, RunEvents.sourceKey(event)).field("executionId", Json.field(event, "executionId"));
            Map<String, Object> r = close(event);
            boolean succeeded = "SUCCEEDED".equals(r.get("state"));
            inv.field(Invocation.RUN_ID, r.get("runId")).field("state", r.get("state"))
                    .field("error", succeeded ? null : describe(event.path("error")))
                    .count(MetricNames.RUNS_SUCCEEDED, succeeded ? 1 : 0)
                    .count(MetricNames.RUNS_FAILED, succeeded ? 0 : 1)
                    .count(MetricNames.CHUNKS_DEAD_LETTERED, ((Number) r.get("deadLetteredChunks")).longValue());
            return r;
        });
    }

    public Map<String, Object> close(JsonNode event) throws IOException {
        RunKey key = RunEvents.runKey(event);
        String executionId = RunEvents.required(event, "executionId");
        String status = RunEvents.required(event, "status");
        RunRecord record = switch (status) {
            case "SUCCEEDED" -> {
                JsonNode c = event.path("counts");
                List<String> partitions = new ArrayList<>();
                event.path("partitions").forEach(p -> partitions.add(p.asText()));
                yield ledger.complete(key, executionId, new RunCounts(c.path("records").asLong(), c.path("valid").asLong(),
                        c.path("rejected").asLong(), c.path("deadLetteredChunks").asLong()), partitions);
            }
            case "FAILED" -> ledger.fail(key, executionId, describe(event.path("error")));
            default -> throw new IllegalArgumentException("status must be SUCCEEDED or FAILED, got '" + status + "'");
        };
        export(record);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("runId", record.runId());
        out.put("state", record.state().name());
        out.put("attempt", record.attempt());
        out.put("records", record.counts().records());
        out.put("valid", record.counts().valid());
        out.put("rejected", record.counts().rejected());
        out.put("deadLetteredChunks", record.counts().deadLetteredChunks());
        out.put("partitions", record.partitions());
        return out;
    }

    /** One JSON object per file, as the JSON SerDe of the runs table reads it; a retried close rewrites the same key. */
    private void export(RunRecord record) throws IOException {
        if (runsExport == null) {
            return;
        }
        BlobOutput out = runsExport.create(RunsTable.key(record.runId()));
        try {
            out.write(Json.MAPPER.writeValueAsBytes(RunsTable.row(record)));
            out.write('\n');
            out.close();
        } catch (IOException | RuntimeException e) {
            out.abort();
            throw e;
        }
    }

    private static String describe(JsonNode error) {
        if (error.isTextual()) {
            return error.asText();
        }
        if (error.has("Error")) {
            return error.path("Error").asText() + ": " + error.path("Cause").asText();
        }
        return error.isMissingNode() ? "unknown error" : error.toString();
    }
}
