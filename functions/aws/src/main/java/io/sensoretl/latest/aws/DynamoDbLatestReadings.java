package io.sensoretl.latest.aws;

import io.sensoretl.latest.LatestReading;
import io.sensoretl.latest.LatestReadings;
import io.sensoretl.latest.UpsertSummary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Latest readings in DynamoDB: partition key {@code sensor_id}, sort key {@code metric}, so "the
 * current value of a sensor" is one {@code GetItem} and "all metrics of a sensor" one {@code Query}.
 *
 * <p>Each series is one conditional {@code UpdateItem} ("only if newer"). {@code BatchWriteItem}
 * would save requests but cannot carry a condition, and a transaction is limited to 100 items and
 * fails as a whole when any one condition fails; so the updates are instead issued in parallel on
 * the given executor, each retried by the SDK's retry strategy ({@link io.sensoretl.aws.AwsClients}). The cost is one write unit per
 * series per run (items are under 1 KB), independent of how many records the run had.
 */
public final class DynamoDbLatestReadings implements LatestReadings {
    static final String PK = "sensor_id";
    static final String SK = "metric";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Executor executor;

    public DynamoDbLatestReadings(DynamoDbClient dynamo, String table, Executor executor) {
        this.dynamo = dynamo;
        this.table = table;
        this.executor = executor;
    }


    @Override
    public UpsertSummary upsertIfNewer(Collection<LatestReading> readings) {
        List<CompletableFuture<Boolean>> writes = new ArrayList<>(readings.size());
        for (LatestReading r : readings) {
            writes.add(CompletableFuture.supplyAsync(() -> writeIfNewer(r), executor));
        }
        int written = 0;
        int skipped = 0;
        for (CompletableFuture<Boolean> w : writes) {
            try {
                if (w.join()) {
                    written++;
                } else {
                    skipped++;
                }
            } catch (CompletionException e) {
                writes.forEach(f -> f.cancel(false));
                throw e.getCause() instanceof RuntimeException re ? re : e;
            }
        }
        return new UpsertSummary(written, skipped);
    }

    /** True when stored, false when the store already held a reading at least as new. */
    private boolean writeIfNewer(LatestReading r) {
        Map<String, String> names = new HashMap<>(Map.of("#value", "value"));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":ts", n(r.tsMicros()));
        values.put(":v", AttributeValue.fromN(Double.toString(r.value())));
        values.put(":run", AttributeValue.fromS(r.runId()));
        String update = "SET ts_us = :ts, #value = :v, run_id = :run";
        if (r.unit() != null) {
            names.put("#unit", "unit");
            values.put(":unit", AttributeValue.fromS(r.unit()));
            update += ", #unit = :unit";
        } else {
            names.put("#unit", "unit");
            update += " REMOVE #unit";
        }
        // the same order as LatestReading.RECENCY: time, then run id, then value
        String condition = "attribute_not_exists(ts_us) OR ts_us < :ts OR (ts_us = :ts AND run_id < :run)"
                + " OR (ts_us = :ts AND run_id = :run AND #value < :v)";
        String finalUpdate = update;
        try {
            dynamo.updateItem(b -> b
                    .tableName(table)
                    .key(Map.of(PK, AttributeValue.fromS(r.sensorId()), SK, AttributeValue.fromS(r.metric())))
                    .updateExpression(finalUpdate)
                    .conditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException notNewer) {
            return false;
        }
    }

    @Override
    public Optional<LatestReading> get(String sensorId, String metric) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Map.of(PK, AttributeValue.fromS(sensorId), SK, AttributeValue.fromS(metric)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toReading(item));
    }

    @Override
    public List<LatestReading> forSensor(String sensorId) {
        List<LatestReading> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(b -> b
                    .tableName(table)
                    .keyConditionExpression("sensor_id = :s")
                    .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(sensorId)))
                    .exclusiveStartKey(from));
            page.items().forEach(i -> out.add(toReading(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    private static LatestReading toReading(Map<String, AttributeValue> item) {
        AttributeValue unit = item.get("unit");
        return new LatestReading(item.get(PK).s(), item.get(SK).s(), Long.parseLong(item.get("ts_us").n()),
                Double.parseDouble(item.get("value").n()), unit == null ? null : unit.s(), item.get("run_id").s());
    }

    private static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }
}
