package io.sensoretl.ledger;

import io.sensoretl.chunk.SourceVersion;
import java.util.List;
import java.util.Optional;

/**
 * Records each run of a source object so that at-least-once event delivery yields one run.
 * DynamoDB on AWS ({@code DynamoDbRunLedger}), a JSON file locally ({@code LocalRunLedger}); in both
 * the decision to start is one conditional write, never a read followed by a write.
 */
public interface RunLedger {

    /**
     * Starts a run unless the object already SUCCEEDED or is RUNNING (a RUNNING entry older than the
     * ledger's stale-after period counts as crashed and may be taken over). {@code force} also
     * re-runs a SUCCEEDED object, on purpose. A start repeated by the execution that holds the run
     * (a retry after a lost response) is answered STARTED again.
     */
    StartOutcome start(SourceVersion key, String executionId, boolean force);

    /**
     * Starts the run in place of {@code ended}, the RUNNING entry of an execution known to have ended
     * ({@link RunStarts} asks): one conditional write that succeeds only while the entry is still exactly
     * that one (same execution, same start), so of several executions taking over one wins. When the
     * entry changed meanwhile, answers as {@link #start} would (without force).
     */
    StartOutcome takeOver(SourceVersion key, String executionId, RunRecord ended);

    /** Marks the run SUCCEEDED; only the execution that started it may. Repeating it is a no-op. */
    RunRecord complete(SourceVersion key, String executionId, RunCounts counts, List<String> partitions);

    /** Marks the run FAILED, so a later start may retry it. Repeating it is a no-op. */
    RunRecord fail(SourceVersion key, String executionId, String error);

    Optional<RunRecord> get(SourceVersion key);
}
