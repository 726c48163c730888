package io.sensoretl.asl.engine;

/** Statuses of an execution: RUNNING until it ends, then one of the others. */
public enum ExecutionStatus {
    RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED;

    public boolean ended() {
        return this != RUNNING;
    }
}
