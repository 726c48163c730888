package io.sensoretl.testing;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The DynamoDB tables the adapters write, created for tests against a local server; on AWS
 * template.yaml owns them (LedgerTable, LatestReadingsTable: the same keys).
 */
public final class DynamoDbTables {
    private DynamoDbTables() {}

    /** The run ledger, which also holds the partition leases: {@code source_object} + {@code etag}. */
    public static void ledger(DynamoDbClient dynamo, String table) {
        create(dynamo, table, "source_object", "etag");
    }

    /** The newest reading per series: {@code sensor_id} + {@code metric}. */
    public static void latestReadings(DynamoDbClient dynamo, String table) {
        create(dynamo, table, "sensor_id", "metric");
    }

    private static void create(DynamoDbClient dynamo, String table, String hashKey, String rangeKey) {
        try {
            dynamo.createTable(b -> b.tableName(table)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName(hashKey).attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName(rangeKey).attributeType(ScalarAttributeType.S).build())
                    .keySchema(
                            KeySchemaElement.builder().attributeName(hashKey).keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName(rangeKey).keyType(KeyType.RANGE).build()));
        } catch (ResourceInUseException alreadyThere) {
            // idempotent
        }
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(table));
    }
}
