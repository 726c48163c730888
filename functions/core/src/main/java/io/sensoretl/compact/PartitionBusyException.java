package io.sensoretl.compact;

/** Another run is compacting the partition; retry later (the workflow's Retry does). */
public final class PartitionBusyException extends RuntimeException {
    public PartitionBusyException(String table, String dt, String runId) {
        super("partition dt=" + dt + " of table " + table + " is being compacted by another run; run " + runId
                + " will retry");
    }
}
