package io.sensoretl.chunk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One version of one source object: bucket, key and ETag. It is the identity of a run: S3 and
 * EventBridge deliver an upload's event at least once; every delivery carries the same bucket, key and
 * ETag, so they all map to the same ledger entry and the same run id, while a re-upload (new ETag) is a
 * new run. The planner derives the run id from the same value, so ledger entries and S3 keys agree.
 *
 * @param etag the ETag without quotes. S3 quotes it in HeadObject and ListObjects answers and events
 *             do not; the quotes are dropped here, once, whichever edge the value comes from.
 */
public record SourceVersion(String bucket, String key, String etag) {
    public SourceVersion {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(etag, "etag");
        etag = etag.replace("\"", "");
        if (bucket.isBlank() || key.isBlank() || etag.isBlank()) {
            throw new IllegalArgumentException("a source version needs a bucket, key and ETag, got " + bucket + "/" + key + "@" + etag);
        }
    }

    /** {@code bucket/key}: the ledger's partition key. */
    public String sourceObject() {
        return bucket + "/" + key;
    }

    /** {@code s3://bucket/key}, for messages. */
    public String uri() {
        return "s3://" + bucket + "/" + key;
    }

    /** The ETag as an HTTP entity tag (in quotes), as S3 returns it and as If-Match sends it. */
    public String quotedEtag() {
        return '"' + etag + '"';
    }

    /** The run id of a run over this one object: {@code runIdOf(List.of(this))}. */
    public String runId() {
        return runIdOf(List.of(this));
    }

    /**
     * Derives a run's id from what it processes, so a duplicate upload event maps to the same run and
     * every output key of the run is the same on a retry. The digest covers each object's ETag in
     * quotes, the form run ids have always been derived from, so existing run ids stay what they were.
     */
    public static String runIdOf(Collection<SourceVersion> versions) {
        MessageDigest sha = sha256();
        versions.stream().sorted(Comparator.comparing(SourceVersion::bucket).thenComparing(SourceVersion::key)).forEach(v ->
                sha.update((v.bucket + "\n" + v.key + "\n" + v.quotedEtag() + "\n").getBytes(StandardCharsets.UTF_8)));
        return "run-" + HexFormat.of().formatHex(sha.digest(), 0, 10);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return uri() + " (ETag " + etag + ")";
    }
}
