package io.sensoretl.asl.retry;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.definition.Catcher;
import io.sensoretl.asl.definition.ErrorHandling;
import io.sensoretl.asl.definition.Retrier;
import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.runtime.Inspection;
import io.sensoretl.asl.runtime.StateEnv;
import java.util.function.Supplier;

/**
 * Runs a state body under its Retry and Catch: the first Retrier whose ErrorEquals matches decides
 * (no fall-through once its attempts are used up), then the first matching Catcher.
 */
public final class ErrorHandlingRunner {
    private ErrorHandlingRunner() {}

    /** What to do with a failure no Retrier absorbed. */
    public interface CatchHandler<T> {
        T caught(Catcher catcher, FailureException failure);
    }

    public static <T> T run(ErrorHandling handling, StateEnv env, Supplier<T> body, CatchHandler<T> onCatch) {
        int[] attempts = new int[handling.retry().size()];
        Inspection inspection = env.inspection();
        if (inspection != null) {
            // TestState: the matching retrier has retried this often already
            java.util.Arrays.fill(attempts, inspection.retrierRetryCount());
        }
        while (true) {
            try {
                return body.get();
            } catch (FailureException failure) {
                // a task that failed because its execution was stopped is neither retried nor caught
                env.frame().runtime().control().check();
                String error = failure.error() == null ? "" : failure.error();
                int index = firstRetrier(handling, error);
                if (index >= 0 && attempts[index] < handling.retry().get(index).maxAttempts()) {
                    Retrier retrier = handling.retry().get(index);
                    java.time.Duration delay = RetryDelay.of(retrier, attempts[index], env.services().random());
                    if (inspection != null) {
                        // TestState reports the retry instead of making it
                        inspection.retriable(index, (long) Math.ceil(delay.toMillis() / 1000.0));
                        throw failure;
                    }
                    env.frame().runtime().sleep(delay);
                    attempts[index]++;
                    env.retried();
                    continue;
                }
                for (int i = 0; i < handling.catchers().size(); i++) {
                    Catcher catcher = handling.catchers().get(i);
                    if (ErrorMatcher.matches(catcher.errorEquals(), error)) {
                        if (inspection != null) {
                            inspection.caught(i, failure.error(), failure.cause());
                        }
                        return onCatch.caught(catcher, failure);
                    }
                }
                throw failure;
            }
        }
    }

    private static int firstRetrier(ErrorHandling handling, String error) {
        for (int i = 0; i < handling.retry().size(); i++) {
            if (ErrorMatcher.matches(handling.retry().get(i).errorEquals(), error)) {
                return i;
            }
        }
        return -1;
    }

    /** {Error, Cause} as a Catcher sees it; a Fail state without Error or Cause leaves that field out. */
    public static JsonNode errorOutput(FailureException failure) {
        com.fasterxml.jackson.databind.node.ObjectNode o = io.sensoretl.asl.json.Json.object();
        if (failure.error() != null) {
            o.put("Error", failure.error());
        }
        if (failure.cause() != null) {
            o.put("Cause", failure.cause());
        }
        return o;
    }
}
