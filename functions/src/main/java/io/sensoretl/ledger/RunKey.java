package io.sensoretl.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The identity of a run: one version of one source object. S3 and EventBridge deliver an upload's
 * event at least once; every delivery carries the same bucket, key and ETag, so they all map to the
 * same ledger entry and the same run id, while a re-upload (new ETag) is a new run.
 */
public record RunKey(String bucket, String key, String etag) {
    public RunKey {
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

    /** A short id safe in S3 keys, derived from the key so that every delivery agrees on it. */
    public String runId() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((bucket + '\u0000' + key + '\u0000' + etag).getBytes(StandardCharsets.UTF_8));
            return "r-" + HexFormat.of().formatHex(sha.digest(), 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key + " (ETag " + etag + ")";
    }
}
