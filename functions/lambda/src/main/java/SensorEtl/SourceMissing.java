package SensorEtl;

import io.sensoretl.lambda.WorkflowException;

/**
 * The workflow error {@code SensorEtl.SourceMissing}: the source object does not exist (not visible yet, deleted, or being replaced). Retried a bounded number of times, then the chunk is dead-lettered (or the run fails).
 *
 * <p>Lambda reports an unhandled exception under its class name, and Step Functions matches that
 * name in {@code Retry} and {@code Catch}: this class's name <em>is</em> the workflow error name,
 * which is why it lives in the package {@code SensorEtl}. See {@link io.sensoretl.lambda.WorkflowError}.
 */
public final class SourceMissing extends WorkflowException {
    public SourceMissing(String message, Throwable cause) {
        super(message, cause);
    }
}
