package io.sensoretl.ledger;

import io.sensoretl.chunk.SourceVersion;

/**
 * Starting a run for an execution, the first step of the workflow. The ledger's conditional start
 * decides; when it finds the run RUNNING under another execution, the orchestrator is asked whether
 * that execution still runs. One that has ended (stopped, timed out, killed with its process) cannot
 * finish the run, so its entry is taken over at once with a second conditional write that succeeds
 * only while the entry is still exactly that one: of several executions taking over, one wins. A
 * holder that runs, or of which nothing is known, keeps the run: ALREADY_RUNNING, also with force
 * (force re-runs a finished upload; it never runs one twice at the same time).
 */
public final class RunStarts {
    private final RunLedger ledger;
    private final ExecutionLiveness executions;

    public RunStarts(RunLedger ledger, ExecutionLiveness executions) {
        this.ledger = ledger;
        this.executions = executions;
    }

    public StartOutcome start(SourceVersion key, String executionId, boolean force) {
        StartOutcome outcome = ledger.start(key, executionId, force);
        // a takeover lost to another taker, whose entry may itself have ended meanwhile: ask again, a few times at most
        for (int round = 0; round < 3 && outcome.decision() == StartOutcome.Decision.ALREADY_RUNNING; round++) {
            RunRecord held = outcome.record();
            Liveness holder = executions.check(held.executionId());
            if (!holder.ended()) {
                return outcome.withHolder(holder);
            }
            outcome = ledger.takeOver(key, executionId, held);
            if (outcome.started()) {
                return new StartOutcome(outcome.decision(), outcome.record(), held, holder);
            }
        }
        return outcome;
    }
}
