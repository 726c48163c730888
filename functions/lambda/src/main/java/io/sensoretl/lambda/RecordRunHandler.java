package io.sensoretl.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.aws.AwsClients;
import io.sensoretl.ledger.RunKey;
import io.sensoretl.ledger.RunLedger;
import io.sensoretl.ledger.StartOutcome;
import io.sensoretl.ledger.aws.DynamoDbRunLedger;
import io.sensoretl.telemetry.Invocation;
import io.sensoretl.telemetry.MetricNames;
import io.sensoretl.telemetry.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.crac.Resource;

/**
 * The {@code record-run} Lambda, first state of the workflow: claims the source object in the run
 * ledger. The workflow continues only when {@code started} is true; a duplicate event ends there
 * with {@code decision} ALREADY_SUCCEEDED or ALREADY_RUNNING.
 *
 * <p>Event: {@code {"bucket","key","etag","executionId","force"?}} or an EventBridge "Object Created"
 * event with {@code executionId} added by the workflow. Settings: LEDGER_TABLE, RUN_STALE_AFTER_MINUTES.
 */
public final class RecordRunHandler implements RequestStreamHandler {
    private final RunLedger ledger;
    private final Telemetry telemetry;

    /** Held here because the CRaC context keeps resources only weakly. */
    private Resource priming;

    /** The Lambda entry point: AWS clients from the environment, SnapStart priming registered. */
    public RecordRunHandler() {
        this(new DynamoDbRunLedger(AwsClients.dynamoDbFromEnvironment(), AwsClients.requiredEnv("LEDGER_TABLE"),
                Clock.systemUTC(), Duration.ofMinutes(Long.parseLong(
                        System.getenv().getOrDefault("RUN_STALE_AFTER_MINUTES", "360")))),
                Telemetry.stdout());
        this.priming = SnapStart.register(LambdaFunction.RECORD_RUN);
    }

    /** Without telemetry: the local runtime's and the tests' default. */
    public RecordRunHandler(RunLedger ledger) {
        this(ledger, Telemetry.silent());
    }

    public RecordRunHandler(RunLedger ledger, Telemetry telemetry) {
        this.ledger = ledger;
        this.telemetry = telemetry;
    }

    /**
     * Metrics (dimension Function=record-run): RunsStarted (1 or 0), DuplicateEvents (1 when the
     * object was already processed or is being processed); log fields runId, sourceKey, decision.
     */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Instrumented.handle(input, output, context, telemetry, LambdaFunction.RECORD_RUN.functionName(), "run recorded", (event, inv) -> {
            inv.field(Invocation.SOURCE_KEY, RunEvents.sourceKey(event)).field("executionId", Json.field(event, "executionId"));
            Map<String, Object> r = record(event);
            boolean started = (Boolean) r.get("started");
            inv.field(Invocation.RUN_ID, r.get("runId")).field("decision", r.get("decision"))
                    .count(MetricNames.RUNS_STARTED, started ? 1 : 0)
                    .count(MetricNames.DUPLICATE_EVENTS, started ? 0 : 1);
            return r;
        });
    }

    public Map<String, Object> record(JsonNode event) {
        RunKey key = RunEvents.runKey(event);
        String executionId = RunEvents.required(event, "executionId");
        boolean force = event.path("force").asBoolean(false);
        StartOutcome outcome = ledger.start(key, executionId, force);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("decision", outcome.decision().name());
        out.put("started", outcome.started());
        out.put("runId", outcome.record().runId());
        out.put("bucket", key.bucket());
        out.put("key", key.key());
        out.put("etag", key.etag());
        out.put("attempt", outcome.record().attempt());
        out.put("state", outcome.record().state().name());
        out.put("executionId", outcome.record().executionId());
        return out;
    }
}
