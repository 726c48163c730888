package io.sensoretl.asl.errors;

/** A failure travelling through the state machine: what Catch sees as {Error, Cause}. */
public class FailureException extends RuntimeException {
    private final String error;
    private final String cause;

    public FailureException(String error, String cause) {
        super(error + (cause == null ? "" : ": " + cause));
        this.error = error;
        this.cause = cause;
    }

    public FailureException(StatesErrorName error, String cause) {
        this(error.code(), cause);
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }
}
