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

    /** Curated parts of one slice: {@code part-<slice>-<n>.parquet}, so key order is row order. */
    public static String slicePartPrefix(String dt, String compactionId, int slice) {
        return versionPrefix(dt, compactionId) + String.format("part-%05d-", slice);
    }

    /** Markers of replaced versions kept for readers that planned against them (see ReplacedVersions). */
    public static final String REPLACED_ROOT = READINGS_ROOT + "_replaced/";

    public static String replacedMarker(String dt, String compactionId) {
        return REPLACED_ROOT + "dt=" + dt + "/v=" + compactionId + ".json";
    }

    /** A run's compaction working files: plans, sorted runs of groups, slice manifests, Map items. */
    public static String compactRoot(String runId) {
        return "runs/" + runId + "/compact/";
    }

    public static String compactPartitionPrefix(String runId, String dt) {
        return compactRoot(runId) + "dt=" + dt + "/";
    }

    public static String planKey(String runId, String dt) {
        return compactPartitionPrefix(runId, dt) + "plan.json";
    }

    public static String planFilesPrefix(String runId, String dt, String compactionId) {
        return compactPartitionPrefix(runId, dt) + compactionId + "/";
    }

    public static String groupRunKey(String runId, String dt, String compactionId, int group, int slice) {
        return planFilesPrefix(runId, dt, compactionId) + String.format("g-%05d/s-%05d.run", group, slice);
    }

    public static String groupManifestKey(String runId, String dt, String compactionId, int group) {
        return planFilesPrefix(runId, dt, compactionId) + String.format("g-%05d.json", group);
    }

    public static String sliceManifestKey(String runId, String dt, String compactionId, int slice) {
        return planFilesPrefix(runId, dt, compactionId) + String.format("s-%05d.json", slice);
    }

    /** The Distributed Map items of the group and slice tasks of every partition the run compacts. */
    public static String groupItemsKey(String runId) {
        return compactRoot(runId) + "groups.json";
    }

    public static String sliceItemsKey(String runId) {
        return compactRoot(runId) + "slices.json";
    }

    public static String rejectsPartitionPrefix(String dt) {
        return REJECTS_ROOT + "dt=" + dt + "/";
    }

    /**
     * The newest reading per series among the run's rows of one slice of a partition (one JSON line
     * each); the latest-readings step merges every file under {@link #latestRoot(String)}.
     */
    public static String latestKey(String runId, String dt, int slice) {
        return latestPrefix(runId, dt) + String.format("slice-%05d.ndjson", slice);
    }

    public static String latestPrefix(String runId, String dt) {
        return latestRoot(runId) + "dt=" + dt + "/";
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
