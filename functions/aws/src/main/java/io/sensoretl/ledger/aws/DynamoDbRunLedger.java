package io.sensoretl.ledger.aws;

import io.sensoretl.chunk.SourceVersion;
import io.sensoretl.ledger.LedgerConflictException;
import io.sensoretl.ledger.RunCounts;
import io.sensoretl.ledger.RunLedger;
import io.sensoretl.ledger.RunRecord;
import io.sensoretl.ledger.RunState;
import io.sensoretl.ledger.StartOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The run ledger in DynamoDB. Table: partition key {@code source_object} ({@code bucket/key}), sort
 * key {@code etag}; one item per object version.
 *
 * <p>Every state change is a single conditional {@code UpdateItem}: DynamoDB evaluates the
 * condition and applies the change atomically per item, so of two concurrent starts exactly one
 * succeeds and the other gets {@code ConditionalCheckFailedException}. Only then is the item read,
 * to tell the caller why it was refused; the decision itself never depends on that read.
 */
public final class DynamoDbRunLedger implements RunLedger {
    static final String PK = LedgerKeys.PK;
    static final String SK = LedgerKeys.SK;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final Duration staleAfter;

    public DynamoDbRunLedger(DynamoDbClient dynamo, String table, Clock clock, Duration staleAfter) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }


    @Override
    public StartOutcome start(SourceVersion key, String executionId, boolean force) {
        Instant now = clock.instant();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":running", s(RunState.RUNNING.name()));
        values.put(":stale", n(now.minus(staleAfter).toEpochMilli()));
        // a fresh RUNNING entry always blocks; SUCCEEDED blocks unless forced; FAILED never blocks
        String condition;
        if (force) {
            condition = "attribute_not_exists(#state) OR #state <> :running OR started_at < :stale";
        } else {
            condition = "attribute_not_exists(#state) OR #state = :failed OR (#state = :running AND started_at < :stale)";
            values.put(":failed", s(RunState.FAILED.name()));
        }
        return begin(key, executionId, now, condition, values);
    }

    @Override
    public StartOutcome takeOver(SourceVersion key, String executionId, RunRecord ended) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":running", s(RunState.RUNNING.name()));
        values.put(":failed", s(RunState.FAILED.name()));
        values.put(":ended", s(ended.executionId()));
        values.put(":endedStart", n(ended.startedAt().toEpochMilli()));
        // exactly the entry of the execution that ended (or one nobody holds any more): of several takers one wins
        return begin(key, executionId, clock.instant(), "attribute_not_exists(#state) OR #state = :failed "
                + "OR (#state = :running AND execution_id = :ended AND started_at = :endedStart)", values);
    }

    private StartOutcome begin(SourceVersion key, String executionId, Instant now, String condition,
            Map<String, AttributeValue> conditionValues) {
        Map<String, AttributeValue> values = new HashMap<>(conditionValues);
        values.put(":exec", s(executionId));
        values.put(":run", s(key.runId()));
        values.put(":now", n(now.toEpochMilli()));
        values.put(":zero", n(0));
        values.put(":one", n(1));
        values.put(":bucket", s(key.bucket()));
        values.put(":key", s(key.key()));
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(b -> b
                    .tableName(table)
                    .key(keyOf(key))
                    .updateExpression("SET #state = :running, execution_id = :exec, run_id = :run, started_at = :now, "
                            + "attempt = if_not_exists(attempt, :zero) + :one, #bucket = :bucket, object_key = :key "
                            + "REMOVE ended_at, #error, #counts, output_partitions")
                    .conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#state", "state", "#error", "error", "#counts", "counts",
                            "#bucket", "bucket"))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return new StartOutcome(StartOutcome.Decision.STARTED, toRecord(key, item));
        } catch (ConditionalCheckFailedException refused) {
            RunRecord existing = get(key).orElseThrow(() -> new IllegalStateException(
                    "start of " + key + " was refused but the ledger has no entry for it"));
            if (existing.state() == RunState.RUNNING && executionId.equals(existing.executionId())) {
                // our own earlier start, whose response was lost: the retry is the same start
                return new StartOutcome(StartOutcome.Decision.STARTED, existing);
            }
            return new StartOutcome(existing.state() == RunState.SUCCEEDED
                    ? StartOutcome.Decision.ALREADY_SUCCEEDED : StartOutcome.Decision.ALREADY_RUNNING, existing);
        }
    }

    @Override
    public RunRecord complete(SourceVersion key, String executionId, RunCounts counts, List<String> partitions) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":counts", AttributeValue.fromM(Map.of(
                "records", n(counts.records()),
                "valid", n(counts.valid()),
                "rejected", n(counts.rejected()),
                "dead_lettered_chunks", n(counts.deadLetteredChunks()))));
        values.put(":partitions", AttributeValue.fromL(partitions.stream().map(DynamoDbRunLedger::s).toList()));
        return close(key, executionId, RunState.SUCCEEDED, "#counts = :counts, output_partitions = :partitions", values);
    }

    @Override
    public RunRecord fail(SourceVersion key, String executionId, String error) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":error", s(error == null || error.isBlank() ? "unknown error" : error));
        return close(key, executionId, RunState.FAILED, "#error = :error", values);
    }

    private RunRecord close(SourceVersion key, String executionId, RunState state, String set,
            Map<String, AttributeValue> extra) {
        Map<String, AttributeValue> values = new HashMap<>(extra);
        values.put(":running", s(RunState.RUNNING.name()));
        values.put(":target", s(state.name()));
        values.put(":exec", s(executionId));
        values.put(":now", n(clock.instant().toEpochMilli()));
        // DynamoDB rejects placeholders an expression does not use
        Map<String, String> names = new HashMap<>(Map.of("#state", "state"));
        for (String name : List.of("error", "counts")) {
            if (set.contains("#" + name)) {
                names.put("#" + name, name);
            }
        }
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(b -> b
                    .tableName(table)
                    .key(keyOf(key))
                    .updateExpression("SET #state = :target, ended_at = :now, " + set)
                    .conditionExpression("#state = :running AND execution_id = :exec")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return toRecord(key, item);
        } catch (ConditionalCheckFailedException e) {
            RunRecord existing = get(key).orElse(null);
            if (existing != null && existing.state() == state && Objects.equals(existing.executionId(), executionId)) {
                return existing; // a retried close: already done
            }
            throw new LedgerConflictException(key, executionId, existing);
        }
    }

    @Override
    public Optional<RunRecord> get(SourceVersion key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b
                .tableName(table).key(keyOf(key)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toRecord(key, item));
    }

    private static Map<String, AttributeValue> keyOf(SourceVersion key) {
        return Map.of(PK, s(key.sourceObject()), SK, s(key.etag()));
    }

    private static RunRecord toRecord(SourceVersion key, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> counts = item.containsKey("counts") ? item.get("counts").m() : Map.of();
        return new RunRecord(key,
                str(item, "run_id"),
                RunState.valueOf(str(item, "state")),
                str(item, "execution_id"),
                instant(item, "started_at"),
                instant(item, "ended_at"),
                item.containsKey("attempt") ? Integer.parseInt(item.get("attempt").n()) : 0,
                new RunCounts(num(counts, "records"), num(counts, "valid"), num(counts, "rejected"),
                        num(counts, "dead_lettered_chunks")),
                item.containsKey("output_partitions")
                        ? item.get("output_partitions").l().stream().map(AttributeValue::s).toList() : List.of(),
                str(item, "error"));
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static long num(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? 0 : Long.parseLong(v.n());
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : Instant.ofEpochMilli(Long.parseLong(v.n()));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
