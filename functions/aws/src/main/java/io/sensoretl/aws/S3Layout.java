package io.sensoretl.aws;

/**
 * Where a run's artefacts live in S3 (see docs/architecture.md). One place, so the handlers, the
 * workflow definition and the Athena tables agree.
 */
public final class S3Layout {
    private S3Layout() {}

    public static String runPrefix(String runId) {
        return "runs/" + runId + "/";
    }

    public static String manifestKey(String runId) {
        return runPrefix(runId) + "manifest.json";
    }

    /** Staged readings of one chunk: {@code runs/<run>/staging/dt=YYYY-MM-DD/chunk-00007.parquet}. */
    public static String stagingKey(String runId, String partition, String fileName) {
        return runPrefix(runId) + "staging/" + partition + "/" + fileName;
    }

    public static String stagingPrefix(String runId) {
        return runPrefix(runId) + "staging/";
    }

    /** Rejects, queryable in place: {@code curated/rejects/dt=<upload day>/run=<run>/chunk-00007.parquet}. */
    public static String rejectsKey(String sourceDate, String runId, String fileName) {
        return "curated/rejects/dt=" + sourceDate + "/run=" + runId + "/" + fileName;
    }

    public static String readingsPrefix() {
        return "curated/readings/";
    }
}
