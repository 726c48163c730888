package io.sensoretl.ledger;

import io.sensoretl.chunk.SourceVersion;

/** A run was closed by an execution that does not own it (it was taken over, or never started). */
public final class LedgerConflictException extends RuntimeException {
    public LedgerConflictException(SourceVersion key, String executionId, RunRecord actual) {
        super("cannot close run of " + key + " from execution " + executionId + ": the ledger has "
                + (actual == null ? "no entry" : actual.state() + " by execution " + actual.executionId()));
    }
}
