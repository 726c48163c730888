package SensorEtl;

import io.sensoretl.lambda.WorkflowException;

/**
 * The workflow error {@code SensorEtl.SourceChanged}: the source object was replaced since it was planned. Not retried: the replacing upload is a run of its own.
 *
 * <p>Lambda reports an unhandled exception under its class name, and Step Functions matches that
 * name in {@code Retry} and {@code Catch}: this class's name <em>is</em> the workflow error name,
 * which is why it lives in the package {@code SensorEtl}. See {@link io.sensoretl.lambda.WorkflowError}.
 */
public final class SourceChanged extends WorkflowException {
    public SourceChanged(String message, Throwable cause) {
        super(message, cause);
    }
}
