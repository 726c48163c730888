package io.sensoretl.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.telemetry.Invocation;
import io.sensoretl.telemetry.LambdaContext;
import io.sensoretl.telemetry.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The handlers' edge: reads the event, runs one invocation's work, writes its answer as JSON, and
 * reports it (an INFO log line and EMF metrics) or its failure. A failure, reading the event
 * included, is translated into its workflow error ({@link WorkflowError}), logged (an ERROR line
 * with the workflow error name and the message) and thrown, so Lambda reports it under the name the
 * state machine's Retry and Catch match.
 */
final class Instrumented {
    private Instrumented() {}

    interface Work<T> {
        /** Does the work; sets context fields early (the error line uses them) and counts metrics. */
        T run(JsonNode event, Invocation invocation) throws IOException;
    }

    /** The first invocation in this JVM (Powertools' cold_start; after a SnapStart restore, the priming counted). */
    private static final AtomicBoolean COLD = new AtomicBoolean(true);

    /** What the log line says about the invocation, under Powertools' names; the trace id as Lambda passes it. */
    static LambdaContext lambdaContext(Context context) {
        String header = System.getProperty("com.amazonaws.xray.traceHeader");
        if (header == null) {
            header = System.getenv("_X_AMZN_TRACE_ID");
        }
        boolean cold = COLD.getAndSet(false);
        if (context == null) {
            return new LambdaContext(null, null, null, null, null, cold, LambdaContext.traceIdOf(header));
        }
        return new LambdaContext(context.getAwsRequestId(), context.getFunctionName(), context.getInvokedFunctionArn(),
                context.getFunctionVersion(), context.getMemoryLimitInMB() > 0 ? context.getMemoryLimitInMB() : null, cold,
                LambdaContext.traceIdOf(header));
    }

    static <T> void handle(InputStream input, OutputStream output, Context context, Telemetry telemetry, String function,
                           String message, Work<T> work) throws IOException {
        Invocation invocation = telemetry.invocation(function, lambdaContext(context));
        T result;
        try {
            result = work.run(Json.read(input), invocation);
        } catch (IOException | RuntimeException e) {
            RuntimeException error = WorkflowError.translate(e);
            invocation.fail(error);
            throw error;
        } catch (Error e) {
            invocation.fail(e);
            throw e;
        }
        invocation.succeed(message);
        Json.write(output, result);
    }
}
