package SensorEtl;

import io.sensoretl.lambda.WorkflowException;

/**
 * The workflow error {@code SensorEtl.Conflict}: the run ledger says another execution now owns this run (it took over a run it found stale). Not retried.
 *
 * <p>Lambda reports an unhandled exception under its class name, and Step Functions matches that
 * name in {@code Retry} and {@code Catch}: this class's name <em>is</em> the workflow error name,
 * which is why it lives in the package {@code SensorEtl}. See {@link io.sensoretl.lambda.WorkflowError}.
 */
public final class Conflict extends WorkflowException {
    public Conflict(String message, Throwable cause) {
        super(message, cause);
    }
}
