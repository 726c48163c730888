package io.sensoretl.telemetry;

/**
 * The metric names and dimensions the functions publish. The dashboard and alarms in
 * {@code template.yaml} and docs/operations.md refer to them, so they are a public interface:
 * rename only together with those.
 */
public final class MetricNames {
    public static final String NAMESPACE = "SensorEtl";

    /**
     * Dimension on every metric: the function's logical name ({@code transform}, ...: the registry of
     * functions, io.sensoretl.lambda.LambdaFunction), not the deployed name.
     */
    public static final String FUNCTION = "Function";
    /** Extra dimension of the per-reason {@link #RECORDS_REJECTED} series: the stable reject code. */
    public static final String REASON = "Reason";

    // transform (per chunk)
    public static final String RECORDS_IN = "RecordsIn";
    public static final String RECORDS_VALID = "RecordsValid";
    public static final String RECORDS_REJECTED = "RecordsRejected";
    public static final String BYTES_READ = "BytesRead";
    public static final String CHUNK_DURATION_MS = "ChunkDurationMs";
    // plan
    public static final String CHUNKS_PLANNED = "ChunksPlanned";
    public static final String SOURCE_BYTES = "SourceBytes";
    public static final String SOURCE_OBJECTS = "SourceObjects";
    // compact
    public static final String PARTITIONS_COMPACTED = "PartitionsCompacted";
    public static final String ROWS_COMPACTED = "RowsCompacted";
    public static final String BYTES_WRITTEN = "BytesWritten";
    /** Compaction's tasks ({@code plan}: per run; {@code group}, {@code slice}: per task). */
    public static final String SLICES_PLANNED = "SlicesPlanned";
    public static final String GROUPS_PLANNED = "GroupsPlanned";
    public static final String ROWS_SORTED = "RowsSorted";
    public static final String ROWS_MERGED = "RowsMerged";
    // latest-readings
    public static final String SERIES_UPSERTED = "SeriesUpserted";
    public static final String SERIES_SKIPPED_OLDER = "SeriesSkippedOlder";
    // record-run
    public static final String RUNS_STARTED = "RunsStarted";
    public static final String DUPLICATE_EVENTS = "DuplicateEvents";
    // close-run
    // run-results (once per run, after the Distributed Map)
    public static final String CHUNKS_SUCCEEDED = "ChunksSucceeded";
    public static final String CHUNKS_FAILED = "ChunksFailed";
    public static final String PARTIAL_FILES_DISCARDED = "PartialFilesDiscarded";
    public static final String RUNS_SUCCEEDED = "RunsSucceeded";
    public static final String RUNS_FAILED = "RunsFailed";
    public static final String CHUNKS_DEAD_LETTERED = "ChunksDeadLettered";

    private MetricNames() {}
}
