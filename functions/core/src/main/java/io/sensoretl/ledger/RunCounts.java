package io.sensoretl.ledger;

/**
 * The totals of a finished run.
 *
 * @param deadLetteredChunks chunks that failed after retries and went to the DLQ: their records are
 *                           in none of the other counts
 */
public record RunCounts(long records, long valid, long rejected, long deadLetteredChunks) {
    public static final RunCounts NONE = new RunCounts(0, 0, 0, 0);
}
