package io.sensoretl.compact.aws;

import io.sensoretl.compact.PartitionLocks;
import io.sensoretl.ledger.ExecutionLiveness;
import io.sensoretl.ledger.aws.LedgerKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
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
 * cannot expire under a live holder. A lease records the execution its owner runs in; when another
 * owner finds it held, Step Functions is asked whether that execution still runs, and the lease of one
 * that has ended is taken over at once with a write conditional on exactly that holder.
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
    private final ExecutionLiveness executions;

    public DynamoDbPartitionLocks(DynamoDbClient dynamo, String ledgerTable, Clock clock) {
        this(dynamo, ledgerTable, clock, ExecutionLiveness.UNKNOWN);
    }

    public DynamoDbPartitionLocks(DynamoDbClient dynamo, String ledgerTable, Clock clock,
                                  ExecutionLiveness executions) {
        this.dynamo = dynamo;
        this.table = ledgerTable;
        this.clock = clock;
        this.executions = executions;
    }

    @Override
    public boolean tryLock(String name, String owner, String executionId, Duration ttl) {
        long now = clock.millis();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":me", AttributeValue.fromS(owner));
        values.put(":now", AttributeValue.fromN(Long.toString(now)));
        if (put(name, owner, executionId, now + ttl.toMillis(),
                "attribute_not_exists(lease_owner) OR lease_owner = :me OR expires_at < :now", values)) {
            return true;
        }
        Map<String, AttributeValue> held = dynamo.getItem(b -> b.tableName(table)
                .key(key(name)).consistentRead(true)).item();
        AttributeValue heldExecution = held == null ? null : held.get("execution_id");
        if (heldExecution == null || !executions.check(heldExecution.s()).ended()) {
            return false;
        }
        // the holder's execution has ended: take the lease from exactly that holder
        Map<String, AttributeValue> takeover = new HashMap<>();
        takeover.put(":held", held.get("lease_owner"));
        takeover.put(":heldExecution", heldExecution);
        return put(name, owner, executionId, now + ttl.toMillis(),
                "lease_owner = :held AND execution_id = :heldExecution", takeover);
    }

    private boolean put(String name, String owner, String executionId, long expiresAt, String condition,
                        Map<String, AttributeValue> values) {
        Map<String, AttributeValue> item = new HashMap<>(key(name));
        item.put("lease_owner", AttributeValue.fromS(owner));
        item.put("expires_at", AttributeValue.fromN(Long.toString(expiresAt)));
        if (executionId != null) {
            item.put("execution_id", AttributeValue.fromS(executionId));
        }
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression(condition).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException heldByAnother) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(String name) {
        return Map.of(LedgerKeys.PK, AttributeValue.fromS(KEY_PREFIX + name), LedgerKeys.SK, AttributeValue.fromS("lease"));
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
