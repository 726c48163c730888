package io.sensoretl.lambda;

/**
 * An exception a handler throws to fail its invocation with a workflow error: its class name is the
 * error name Step Functions sees (the classes are in the package {@code SensorEtl}). It carries the
 * stack trace of the exception it translates, so the error Lambda reports shows where it happened.
 */
public abstract class WorkflowException extends RuntimeException {
    protected WorkflowException(String message, Throwable cause) {
        super(message, cause);
        if (cause != null) {
            setStackTrace(cause.getStackTrace());
        }
    }

    /** The workflow error this is. */
    public WorkflowError error() {
        return WorkflowError.of(getClass());
    }
}
