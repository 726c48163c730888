package io.sensoretl.ledger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run ledger as a SQL table ({@code runs}, athena-queries/ddl/runs.sql): its columns, and one
 * ledger entry as a row. On AWS the close-run function writes each closed entry as a JSON object
 * under {@link #PREFIX} of the curated bucket, which the Athena table reads; the local query engine
 * builds the same rows from the local ledger. One definition, so both show the same table.
 */
public final class RunsTable {
    private RunsTable() {}

    public static final String NAME = "runs";
    /** Key prefix of the exported entries in the curated bucket. */
    public static final String PREFIX = "ledger/runs/";

    /** Column name and catalog (Hive) type, in table order. */
    public static final List<Map.Entry<String, String>> COLUMNS = List.of(
            Map.entry("run_id", "string"),
            Map.entry("source_key", "string"),
            Map.entry("etag", "string"),
            Map.entry("state", "string"),
            Map.entry("execution_id", "string"),
            Map.entry("attempt", "int"),
            Map.entry("started_at", "timestamp"),
            Map.entry("ended_at", "timestamp"),
            Map.entry("records", "bigint"),
            Map.entry("valid", "bigint"),
            Map.entry("rejected", "bigint"),
            Map.entry("dead_lettered_chunks", "bigint"),
            Map.entry("partitions", "array<string>"),
            Map.entry("error", "string"));

    /** Hive's timestamp text form, which the JSON SerDe reads; always UTC. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    /** The key of one run's exported entry; a run closed again replaces it. */
    public static String key(String runId) {
        return PREFIX + runId + ".json";
    }

    /**
     * One entry as a row, keyed by column name in table order. Timestamps are text in Hive's form
     * ({@code 2024-03-01 10:15:30.250}, UTC), {@code null} when absent; partitions is a list.
     */
    public static Map<String, Object> row(RunRecord r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("run_id", r.runId());
        row.put("source_key", "s3://" + r.key().bucket() + "/" + r.key().key());
        row.put("etag", r.key().etag());
        row.put("state", r.state().name());
        row.put("execution_id", r.executionId());
        row.put("attempt", r.attempt());
        row.put("started_at", timestamp(r.startedAt()));
        row.put("ended_at", timestamp(r.endedAt()));
        row.put("records", r.counts().records());
        row.put("valid", r.counts().valid());
        row.put("rejected", r.counts().rejected());
        row.put("dead_lettered_chunks", r.counts().deadLetteredChunks());
        row.put("partitions", r.partitions());
        row.put("error", r.error());
        return row;
    }

    private static String timestamp(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant);
    }
}
