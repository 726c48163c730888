package io.sensoretl.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.aws.AwsClients;
import io.sensoretl.aws.Settings;
import io.sensoretl.chunk.SourceVersion;
import io.sensoretl.ledger.ExecutionLiveness;
import io.sensoretl.ledger.RunLedger;
import io.sensoretl.ledger.RunStarts;
import io.sensoretl.ledger.StartOutcome;
import io.sensoretl.ledger.aws.DynamoDbRunLedger;
import io.sensoretl.ledger.aws.StepFunctionsExecutions;
import io.sensoretl.telemetry.Invocation;
import io.sensoretl.telemetry.MetricNames;
import io.sensoretl.telemetry.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import org.crac.Resource;

/**
 * The {@code record-run} Lambda, first state of the workflow: claims the source object in the run
 * ledger. The workflow continues only when {@code started} is true; a duplicate event ends there
 * with {@code decision} ALREADY_SUCCEEDED or ALREADY_RUNNING. When the ledger finds the run RUNNING
 * under another execution, the orchestrator is asked whether that execution still runs: one that has
 * ended (stopped, timed out, its process killed) is taken over at once ({@link RunStarts}); a live one
 * keeps the run, also with {@code force}, and {@code holder} says what is known of it.
 *
 * <p>Event: {@code {"bucket","key","etag","executionId","force"?}} or an EventBridge "Object Created"
 * event with {@code executionId} added by the workflow. Settings: LEDGER_TABLE, RUN_STALE_AFTER_MINUTES; the
 * function asks Step Functions ({@code states:DescribeExecution}) about the execution holding a run.
 */
public final class RecordRunHandler implements RequestStreamHandler {
    /** What the step is asked. */
    public record Request(SourceVersion key, String executionId, boolean force) {
        public static Request parse(JsonNode event) {
            SourceVersion key = ObjectCreated.from(event).map(ObjectCreated::sourceVersion).orElseGet(() ->
                    new SourceVersion(Json.required(event, "bucket"), Json.required(event, "key"), Json.required(event, "etag")));
            return new Request(key, Json.required(event, "executionId"), event.path("force").asBoolean(false));
        }
    }

    /**
     * The ledger's decision, and the run it is about; the state machine keeps it as {@code $ledger}.
     * {@code executionId} is the execution that holds the run (this one when started); {@code holder}, with
     * ALREADY_RUNNING, what is known of it (e.g. "RUNNING since ...", "pid 4242 on host a"); {@code tookOver},
     * when started in place of an execution that had ended, that execution (else null).
     */
    public record Answer(String decision, boolean started, String runId, String bucket, String key, String etag,
                         int attempt, String state, String executionId, String holder, String tookOver) {}

    private final RunStarts starts;
    private final Telemetry telemetry;

    /** Held here because the CRaC context keeps resources only weakly. */
    private Resource priming;

    /** The Lambda entry point: settings from the environment, SnapStart priming registered. */
    public RecordRunHandler() {
        this(Settings.of(System.getenv()));
        this.priming = SnapStart.register(LambdaFunction.RECORD_RUN);
    }

    /** The AWS wiring of these settings. */
    public RecordRunHandler(Settings settings) {
        this(new DynamoDbRunLedger(AwsClients.dynamoDb(settings), settings.required("LEDGER_TABLE"), Clock.systemUTC(),
                Duration.ofMinutes(settings.longValue("RUN_STALE_AFTER_MINUTES", 360))),
                new StepFunctionsExecutions(AwsClients.stepFunctions()), Telemetry.stdout(settings.optional("POWERTOOLS_SERVICE_NAME")));
    }

    /** Without an orchestrator to ask (a RUNNING holder keeps the run until it is stale) and without telemetry. */
    public RecordRunHandler(RunLedger ledger) {
        this(ledger, ExecutionLiveness.UNKNOWN, Telemetry.silent());
    }

    /** Without telemetry: the local runtime's and the tests' default. */
    public RecordRunHandler(RunLedger ledger, ExecutionLiveness executions) {
        this(ledger, executions, Telemetry.silent());
    }

    public RecordRunHandler(RunLedger ledger, ExecutionLiveness executions, Telemetry telemetry) {
        this.starts = new RunStarts(ledger, executions);
        this.telemetry = telemetry;
    }

    /**
     * Metrics (dimension Function=record-run): RunsStarted (1 or 0), DuplicateEvents (1 when the
     * object was already processed or is being processed); log fields runId, sourceKey, decision.
     */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Instrumented.handle(input, output, context, telemetry, LambdaFunction.RECORD_RUN.functionName(), "run recorded",
                (event, inv) -> {
                    Request request = Request.parse(event);
                    inv.field(Invocation.SOURCE_KEY, request.key().key()).field("executionId", request.executionId());
                    Answer a = record(request);
                    inv.field(Invocation.RUN_ID, a.runId()).field("decision", a.decision())
                            .count(MetricNames.RUNS_STARTED, a.started() ? 1 : 0)
                            .count(MetricNames.DUPLICATE_EVENTS, a.started() ? 0 : 1);
                    return a;
                });
    }

    public Answer record(JsonNode event) {
        return record(Request.parse(event));
    }

    public Answer record(Request request) {
        StartOutcome outcome = starts.start(request.key(), request.executionId(), request.force());
        SourceVersion key = request.key();
        String holder = outcome.decision() == StartOutcome.Decision.ALREADY_RUNNING && outcome.holder() != null
                ? outcome.holder().state() + (outcome.holder().detail() == null ? "" : ": " + outcome.holder().detail()) : null;
        return new Answer(outcome.decision().name(), outcome.started(), outcome.record().runId(), key.bucket(), key.key(),
                key.etag(), outcome.record().attempt(), outcome.record().state().name(), outcome.record().executionId(),
                holder, outcome.replaced() == null ? null : outcome.replaced().executionId());
    }
}
