package SensorEtl;

import io.sensoretl.lambda.WorkflowException;

/**
 * The workflow error {@code SensorEtl.Throttled}: AWS throttled a call beyond the SDK's own retries. The state machine retries it with longer waits.
 *
 * <p>Lambda reports an unhandled exception under its class name, and Step Functions matches that
 * name in {@code Retry} and {@code Catch}: this class's name <em>is</em> the workflow error name,
 * which is why it lives in the package {@code SensorEtl}. See {@link io.sensoretl.lambda.WorkflowError}.
 */
public final class Throttled extends WorkflowException {
    public Throttled(String message, Throwable cause) {
        super(message, cause);
    }
}
