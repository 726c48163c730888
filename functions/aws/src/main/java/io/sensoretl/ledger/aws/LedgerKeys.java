package io.sensoretl.ledger.aws;

/**
 * The run-ledger table's key attributes, shared by the ledger and the partition leases stored in the
 * same table. A class of their own so that the leases (in the compact jar) do not link the ledger,
 * whose table-creation code would pull DynamoDB's CreateTable and waiter classes into that jar.
 */
public final class LedgerKeys {
    /** Partition key: the source object ({@code bucket/key}), or {@code #lock#<name>} for a lease. */
    public static final String PK = "source_object";
    /** Sort key: the source object's ETag, or {@code lease}. */
    public static final String SK = "etag";

    private LedgerKeys() {}
}
