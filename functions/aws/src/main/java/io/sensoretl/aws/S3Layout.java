package io.sensoretl.aws;

import io.sensoretl.chunk.ChunkDescriptor;
import io.sensoretl.store.ObjectStore;
import io.sensoretl.transform.TransformOutputs;

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
        return rejectsPrefix(sourceDate, runId) + fileName;
    }

    public static String rejectsPrefix(String sourceDate, String runId) {
        return "curated/rejects/dt=" + sourceDate + "/run=" + runId + "/";
    }

    /** Where a chunk's files go in the work bucket: its run's staging prefix and the rejects of its upload day. */
    public static TransformOutputs chunkOutputs(ObjectStore bucket, ChunkDescriptor chunk) {
        return new TransformOutputs(bucket, stagingPrefix(chunk.runId()), rejectsPrefix(chunk.sourceDate(), chunk.runId()));
    }

    public static String readingsPrefix() {
        return "curated/readings/";
    }
}
