package io.sensoretl.asl.runtime;

/** The machine-level TimeoutSeconds ran out: the execution ends TIMED_OUT, which no Catch can handle. */
public final class ExecutionTimedOut extends RuntimeException {
    public ExecutionTimedOut() {
        super("execution timed out");
    }
}
