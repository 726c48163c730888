package io.sensoretl.ledger;

/**
 * The answer to "may this run start?".
 *
 * @param record the entry as it now stands: the new RUNNING entry when started, otherwise the
 *               entry that blocked the start
 */
public record StartOutcome(Decision decision, RunRecord record) {
    public enum Decision {
        STARTED,
        /** The object was processed already; the event was a duplicate delivery. */
        ALREADY_SUCCEEDED,
        /** Another execution is processing the object right now. */
        ALREADY_RUNNING
    }

    public boolean started() {
        return decision == Decision.STARTED;
    }
}
