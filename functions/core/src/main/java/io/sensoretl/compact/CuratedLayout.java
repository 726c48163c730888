package io.sensoretl.compact;

/**
 * The S3 key layout compaction reads and writes (see DESIGN.md): staged chunk output per run, and
 * immutable curated versions per partition, of which the catalog points at exactly one.
 */
public final class CuratedLayout {
    private CuratedLayout() {}

    public static final String READINGS_ROOT = "curated/readings/";
    public static final String REJECTS_ROOT = "curated/rejects/";

    public static String stagingPrefix(String runId, String dt) {
        return "runs/" + runId + "/staging/dt=" + dt + "/";
    }

    public static String stagingRoot(String runId) {
        return "runs/" + runId + "/staging/";
    }

    public static String partitionPrefix(String dt) {
        return READINGS_ROOT + "dt=" + dt + "/";
    }

    public static String versionPrefix(String dt, String compactionId) {
        return partitionPrefix(dt) + "v=" + compactionId + "/";
    }

    public static String rejectsPartitionPrefix(String dt) {
        return REJECTS_ROOT + "dt=" + dt + "/";
    }

    /** The newest reading per series among the run's rows of one partition (one JSON line each). */
    public static String latestKey(String runId, String dt) {
        return latestRoot(runId) + "dt=" + dt + ".ndjson";
    }

    public static String latestRoot(String runId) {
        return "runs/" + runId + "/latest/";
    }

    /** Partition values are dates; anything else in a key would let a caller write outside the layout. */
    public static String requireDt(String dt) {
        if (dt == null || !dt.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new IllegalArgumentException("partition dt must be YYYY-MM-DD, got " + dt);
        }
        return dt;
    }

    public static String requireRunId(String runId) {
        if (runId == null || !runId.matches("[A-Za-z0-9._-]{1,128}")) {
            throw new IllegalArgumentException("run id must be 1-128 of [A-Za-z0-9._-], got " + runId);
        }
        return runId;
    }
}
