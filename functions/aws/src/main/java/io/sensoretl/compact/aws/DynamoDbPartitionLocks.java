package io.sensoretl.compact.aws;

import io.sensoretl.compact.PartitionLocks;
import io.sensoretl.ledger.aws.LedgerKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Partition leases as items of the run-ledger table (no extra table to deploy): partition key
 * {@code #lock#<name>} — no S3 bucket name starts with '#', so it cannot collide with a run — and
 * sort key {@code lease}. Taking and giving up a lease are single conditional writes.
 *
 * <p>On Lambda a holder cannot outlive the 15-minute function timeout, so a lease longer than that
 * cannot expire under a live holder.
 */
public final class DynamoDbPartitionLocks implements PartitionLocks {
    /**
     * Partition-key prefix of every lease item. template.yaml limits the compact role's writes to keys
     * with this prefix ({@code dynamodb:LeadingKeys}); deploy-checks' LeadingKeysCheckTest ties the two.
     */
    public static final String KEY_PREFIX = "#lock#";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbPartitionLocks(DynamoDbClient dynamo, String ledgerTable, Clock clock) {
        this.dynamo = dynamo;
        this.table = ledgerTable;
        this.clock = clock;
    }

    @Override
    public boolean tryLock(String name, String owner, Duration ttl) {
        long now = clock.millis();
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            LedgerKeys.PK, AttributeValue.fromS(KEY_PREFIX + name),
                            LedgerKeys.SK, AttributeValue.fromS("lease"),
                            "lease_owner", AttributeValue.fromS(owner),
                            "expires_at", AttributeValue.fromN(Long.toString(now + ttl.toMillis()))))
                    .conditionExpression("attribute_not_exists(lease_owner) OR lease_owner = :me OR expires_at < :now")
                    .expressionAttributeValues(Map.of(
                            ":me", AttributeValue.fromS(owner),
                            ":now", AttributeValue.fromN(Long.toString(now)))));
            return true;
        } catch (ConditionalCheckFailedException heldByAnother) {
            return false;
        }
    }

    @Override
    public void unlock(String name, String owner) {
        try {
            dynamo.deleteItem(b -> b.tableName(table)
                    .key(Map.of(
                            LedgerKeys.PK, AttributeValue.fromS(KEY_PREFIX + name),
                            LedgerKeys.SK, AttributeValue.fromS("lease")))
                    .conditionExpression("lease_owner = :me")
                    .expressionAttributeValues(Map.of(":me", AttributeValue.fromS(owner))));
        } catch (ConditionalCheckFailedException notOurs) {
            // expired and taken over, or already released: nothing of ours to give up
        }
    }
}
