package io.sensoretl.asl.runtime;

/** The execution was stopped (StopExecution): it ends ABORTED, which no Catch can handle. */
public final class ExecutionAborted extends RuntimeException {
    public ExecutionAborted() {
        super("execution aborted");
    }
}
