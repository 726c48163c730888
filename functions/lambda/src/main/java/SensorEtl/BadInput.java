package SensorEtl;

import io.sensoretl.lambda.WorkflowException;

/**
 * The workflow error {@code SensorEtl.BadInput}: the event, the contract or the data as a whole cannot be processed (a missing field, an unreadable contract, a missing header row). Not retried.
 *
 * <p>Lambda reports an unhandled exception under its class name, and Step Functions matches that
 * name in {@code Retry} and {@code Catch}: this class's name <em>is</em> the workflow error name,
 * which is why it lives in the package {@code SensorEtl}. See {@link io.sensoretl.lambda.WorkflowError}.
 */
public final class BadInput extends WorkflowException {
    public BadInput(String message, Throwable cause) {
        super(message, cause);
    }
}
