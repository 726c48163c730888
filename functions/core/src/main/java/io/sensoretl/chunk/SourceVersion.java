package io.sensoretl.chunk;

import java.util.List;
import java.util.Objects;

/**
 * The identity of a run: one version of one source object. S3 and EventBridge deliver an upload's
 * event at least once; every delivery carries the same bucket, key and ETag, so they all map to the
 * same ledger entry and the same run id, while a re-upload (new ETag) is a new run.
 */
public record SourceVersion(String bucket, String key, String etag) {
    public SourceVersion {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(etag, "etag");
        // S3 events quote the ETag in some places and not in others
        etag = etag.replace("\"", "");
        if (bucket.isBlank() || key.isBlank() || etag.isBlank()) {
            throw new IllegalArgumentException("a run key needs a bucket, key and ETag, got " + bucket + "/" + key + "@" + etag);
        }
    }

    /** {@code bucket/key}: the ledger's partition key. */
    public String sourceObject() {
        return bucket + "/" + key;
    }

    /**
     * The run id the planner derives for this object ({@link RunId}), so ledger entries and S3 keys
     * agree. The planner sees the ETag as S3's HeadObject returns it, in quotes.
     */
    public String runId() {
        return RunId.of(List.of(new SourceObject(bucket, key, '"' + etag + '"', 0, null, null)));
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key + " (ETag " + etag + ")";
    }
}
