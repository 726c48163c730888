package io.sensoretl.ledger;

/**
 * Whether the workflow execution that holds a run (or a partition lease) still runs: asked before
 * refusing it to another execution, so that a holder known to have ended is taken over at once instead
 * of blocking until the stale period runs out. On AWS Step Functions answers ({@code DescribeExecution},
 * {@code StepFunctionsExecutions}); locally the runtime knows which process runs which execution.
 */
@FunctionalInterface
public interface ExecutionLiveness {
    /** Knows nothing: a holder is never taken over before the stale period (the behaviour without an orchestrator). */
    ExecutionLiveness UNKNOWN = executionId -> Liveness.unknown("nothing to ask whether it still runs");

    /**
     * @param executionId the execution ARN the ledger or the lease recorded
     * @return RUNNING, ENDED (known to run no more: it stopped, failed, timed out, or its process is gone) or
     *         UNKNOWN (cannot tell: treated as running)
     */
    Liveness check(String executionId);
}
