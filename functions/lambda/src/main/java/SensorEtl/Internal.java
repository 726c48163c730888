package SensorEtl;

import io.sensoretl.lambda.WorkflowException;

/**
 * The workflow error {@code SensorEtl.Internal}: anything else: a bug, or a deployment problem such as a missing permission or setting. Not retried; the message says what failed.
 *
 * <p>Lambda reports an unhandled exception under its class name, and Step Functions matches that
 * name in {@code Retry} and {@code Catch}: this class's name <em>is</em> the workflow error name,
 * which is why it lives in the package {@code SensorEtl}. See {@link io.sensoretl.lambda.WorkflowError}.
 */
public final class Internal extends WorkflowException {
    public Internal(String message, Throwable cause) {
        super(message, cause);
    }
}
