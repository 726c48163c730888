package io.sensoretl.asl.runtime;

/**
 * The execution was stopped while this thread worked for it: the thread unwinds without recording anything more
 * (the ExecutionAborted event is already in the history), and no Retry or Catch sees it.
 */
public final class ExecutionAborted extends RuntimeException {
    public ExecutionAborted() {
        super("the execution was stopped", null, false, false);
    }
}
