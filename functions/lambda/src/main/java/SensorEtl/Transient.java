package SensorEtl;

import io.sensoretl.lambda.WorkflowException;

/**
 * The workflow error {@code SensorEtl.Transient}: a service or the network failed even after the AWS SDK's own retries. The state machine retries it a few times.
 *
 * <p>Lambda reports an unhandled exception under its class name, and Step Functions matches that
 * name in {@code Retry} and {@code Catch}: this class's name <em>is</em> the workflow error name,
 * which is why it lives in the package {@code SensorEtl}. See {@link io.sensoretl.lambda.WorkflowError}.
 */
public final class Transient extends WorkflowException {
    public Transient(String message, Throwable cause) {
        super(message, cause);
    }
}
