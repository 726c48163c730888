package io.sensoretl.asl.errors;

/** RedriveExecution refused: the message says why, as Step Functions words it (ExecutionNotRedrivable). */
public final class ExecutionNotRedrivableException extends RuntimeException {
    public ExecutionNotRedrivableException(String message) {
        super(message);
    }
}
