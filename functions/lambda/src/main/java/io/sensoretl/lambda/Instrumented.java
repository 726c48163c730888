package io.sensoretl.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import io.sensoretl.telemetry.Invocation;
import io.sensoretl.telemetry.Telemetry;
import java.io.IOException;

/**
 * The handlers' telemetry edge: runs one invocation's work, then reports it (an INFO log line and
 * EMF metrics) or its failure (an ERROR log line naming the error, then the error is rethrown so
 * Lambda and Step Functions see it unchanged).
 */
final class Instrumented {
    private Instrumented() {}

    interface Work<T> {
        /** Does the work; sets context fields early (the error line uses them) and counts metrics. */
        T run(Invocation invocation) throws IOException;
    }

    static <T> T run(Telemetry telemetry, String function, Context context, String message, Work<T> work)
            throws IOException {
        Invocation invocation = telemetry.start(function, context == null ? null : context.getAwsRequestId());
        T result;
        try {
            result = work.run(invocation);
        } catch (IOException | RuntimeException | Error e) {
            invocation.fail(e);
            throw e;
        }
        invocation.succeed(message);
        return result;
    }
}
