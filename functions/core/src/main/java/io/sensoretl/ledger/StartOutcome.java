package io.sensoretl.ledger;

/**
 * The answer to "may this run start?".
 *
 * @param record   the entry as it now stands: the new RUNNING entry when started, otherwise the
 *                 entry that blocked the start
 * @param replaced when started by taking over: the RUNNING entry of the execution that had ended; else null
 * @param holder   with ALREADY_RUNNING, what is known of the execution that holds the run (null when nobody
 *                 asked: {@link RunLedger#start} alone does not)
 */
public record StartOutcome(Decision decision, RunRecord record, RunRecord replaced, Liveness holder) {
    public enum Decision {
        STARTED,
        /** The object was processed already; the event was a duplicate delivery. */
        ALREADY_SUCCEEDED,
        /** Another execution is processing the object right now. */
        ALREADY_RUNNING
    }

    public StartOutcome(Decision decision, RunRecord record) {
        this(decision, record, null, null);
    }

    public boolean started() {
        return decision == Decision.STARTED;
    }

    public StartOutcome withHolder(Liveness liveness) {
        return new StartOutcome(decision, record, replaced, liveness);
    }
}
