package io.sensoretl.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.aws.AwsClients;
import io.sensoretl.aws.S3Clients;
import io.sensoretl.aws.Settings;
import io.sensoretl.chunk.SourceVersion;
import io.sensoretl.ledger.RunClosing;
import io.sensoretl.ledger.RunCounts;
import io.sensoretl.ledger.RunLedger;
import io.sensoretl.ledger.RunRecord;
import io.sensoretl.ledger.RunState;
import io.sensoretl.ledger.RunsTable;
import io.sensoretl.ledger.aws.DynamoDbRunLedger;
import io.sensoretl.store.ObjectStore;
import io.sensoretl.store.aws.S3ObjectStore;
import io.sensoretl.telemetry.Invocation;
import io.sensoretl.telemetry.MetricNames;
import io.sensoretl.telemetry.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.crac.Resource;

/**
 * The {@code close-run} Lambda, last state of the workflow (and of its Catch path): records the
 * run's outcome in the ledger and exports the closed entry for Athena's {@code runs} table
 * ({@link RunClosing}, {@link RunsTable}).
 *
 * <p>Event: {@code {"bucket","key","etag","executionId","status":"SUCCEEDED"|"FAILED",
 * "counts":{"records","valid","rejected","deadLetteredChunks"},"partitions":[...],"error"}}; the
 * error may be the {@code {"Error","Cause"}} object a Step Functions Catch produces. Settings:
 * LEDGER_TABLE, CURATED_BUCKET.
 */
public final class CloseRunHandler implements RequestStreamHandler {
    /**
     * What the step is asked.
     *
     * @param state  {@link RunState#SUCCEEDED} or {@link RunState#FAILED}
     * @param error  what failed ({@code Error: Cause} of a Catch), for a failed run
     */
    public record Request(SourceVersion key, String executionId, RunState state, RunCounts counts, List<String> partitions,
                          String error) {
        public static Request parse(JsonNode event) {
            SourceVersion key = ObjectCreated.from(event).map(ObjectCreated::sourceVersion).orElseGet(() ->
                    new SourceVersion(Json.required(event, "bucket"), Json.required(event, "key"), Json.required(event, "etag")));
            String status = Json.required(event, "status");
            RunState state = switch (status) {
                case "SUCCEEDED" -> RunState.SUCCEEDED;
                case "FAILED" -> RunState.FAILED;
                default -> throw new IllegalArgumentException("status must be SUCCEEDED or FAILED, got '" + status + "'");
            };
            JsonNode c = event.path("counts");
            List<String> partitions = new ArrayList<>();
            event.path("partitions").forEach(p -> partitions.add(p.asText()));
            return new Request(key, Json.required(event, "executionId"), state, new RunCounts(c.path("records").asLong(),
                    c.path("valid").asLong(), c.path("rejected").asLong(), c.path("deadLetteredChunks").asLong()),
                    List.copyOf(partitions), state == RunState.FAILED ? describe(event.path("error")) : null);
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

    /** The closed ledger entry. */
    public record Answer(String runId, String state, int attempt, long records, long valid, long rejected,
                         long deadLetteredChunks, List<String> partitions) {
        static Answer of(RunRecord r) {
            return new Answer(r.runId(), r.state().name(), r.attempt(), r.counts().records(), r.counts().valid(),
                    r.counts().rejected(), r.counts().deadLetteredChunks(), r.partitions());
        }
    }

    private final RunClosing closing;
    private final Telemetry telemetry;

    /** Held here because the CRaC context keeps resources only weakly. */
    private Resource priming;

    /** The Lambda entry point: settings from the environment, SnapStart priming registered. */
    public CloseRunHandler() {
        this(Settings.of(System.getenv()));
        this.priming = SnapStart.register(LambdaFunction.CLOSE_RUN);
    }

    /** The AWS wiring of these settings. */
    public CloseRunHandler(Settings settings) {
        this(new DynamoDbRunLedger(AwsClients.dynamoDb(settings), settings.required("LEDGER_TABLE"), Clock.systemUTC(),
                        Duration.ofHours(6)), Telemetry.stdout(settings.optional("POWERTOOLS_SERVICE_NAME")),
                new S3ObjectStore(S3Clients.from(settings), settings.required("CURATED_BUCKET")));
    }

    /** Without telemetry and without the export: the local runtime (its query engine reads the local ledger directly). */
    public CloseRunHandler(RunLedger ledger) {
        this(ledger, Telemetry.silent(), null);
    }

    public CloseRunHandler(RunLedger ledger, Telemetry telemetry) {
        this(ledger, telemetry, null);
    }

    public CloseRunHandler(RunLedger ledger, ObjectStore runsExport) {
        this(ledger, Telemetry.silent(), runsExport);
    }

    /** @param runsExport where closed entries are written for the {@code runs} table, or {@code null} for nowhere */
    public CloseRunHandler(RunLedger ledger, Telemetry telemetry, ObjectStore runsExport) {
        this.closing = new RunClosing(ledger, runsExport, Json.MAPPER);
        this.telemetry = telemetry;
    }

    /**
     * Metrics (dimension Function=close-run): RunsSucceeded, RunsFailed (1 or 0) and ChunksDeadLettered
     * (the run's chunks that ended in the DLQ); log fields runId, sourceKey, state, error.
     */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Instrumented.handle(input, output, context, telemetry, LambdaFunction.CLOSE_RUN.functionName(), "run closed",
                (event, inv) -> {
                    Request request = Request.parse(event);
                    inv.field(Invocation.SOURCE_KEY, request.key().key()).field("executionId", request.executionId());
                    Answer a = close(request);
                    boolean succeeded = request.state() == RunState.SUCCEEDED;
                    inv.field(Invocation.RUN_ID, a.runId()).field("state", a.state()).field("error", request.error())
                            .count(MetricNames.RUNS_SUCCEEDED, succeeded ? 1 : 0)
                            .count(MetricNames.RUNS_FAILED, succeeded ? 0 : 1)
                            .count(MetricNames.CHUNKS_DEAD_LETTERED, a.deadLetteredChunks());
                    return a;
                });
    }

    public Answer close(JsonNode event) throws IOException {
        return close(Request.parse(event));
    }

    public Answer close(Request request) throws IOException {
        RunRecord record = request.state() == RunState.SUCCEEDED
                ? closing.succeeded(request.key(), request.executionId(), request.counts(), request.partitions())
                : closing.failed(request.key(), request.executionId(), request.error());
        return Answer.of(record);
    }
}
