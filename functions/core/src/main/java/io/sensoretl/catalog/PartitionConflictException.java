package io.sensoretl.catalog;

/**
 * A partition moved between reading it and switching it: another compaction won. The loser's data
 * was never visible; re-running it recomputes from the new state.
 */
public final class PartitionConflictException extends RuntimeException {
    private final String table;
    private final String dt;

    public PartitionConflictException(String table, String dt, String expected, String actual) {
        super("partition dt=" + dt + " of table " + table + " is at " + actual + " but the switch expected "
                + (expected == null ? "no partition" : expected) + "; another compaction changed it first");
        this.table = table;
        this.dt = dt;
    }

    public String table() {
        return table;
    }

    public String dt() {
        return dt;
    }
}
