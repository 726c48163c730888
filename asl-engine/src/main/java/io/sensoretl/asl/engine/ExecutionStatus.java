package io.sensoretl.asl.engine;

/** Terminal statuses of an execution. */
public enum ExecutionStatus { SUCCEEDED, FAILED, TIMED_OUT, ABORTED }
