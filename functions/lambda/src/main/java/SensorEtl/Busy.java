package SensorEtl;

import io.sensoretl.lambda.WorkflowException;

/**
 * The workflow error {@code SensorEtl.Busy}: another run holds what this step needs (a partition's lease) or changed it concurrently (the catalog). The state machine retries it with long waits.
 *
 * <p>Lambda reports an unhandled exception under its class name, and Step Functions matches that
 * name in {@code Retry} and {@code Catch}: this class's name <em>is</em> the workflow error name,
 * which is why it lives in the package {@code SensorEtl}. See {@link io.sensoretl.lambda.WorkflowError}.
 */
public final class Busy extends WorkflowException {
    public Busy(String message, Throwable cause) {
        super(message, cause);
    }
}
