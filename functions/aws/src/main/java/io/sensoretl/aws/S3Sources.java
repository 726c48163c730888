package io.sensoretl.aws;

import io.sensoretl.chunk.SourceChangedException;
import io.sensoretl.chunk.SourceMissingException;
import io.sensoretl.chunk.SourceObject;
import io.sensoretl.chunk.SourceVersion;
import io.sensoretl.decode.Compression;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Finds the source objects of a run (one key, or every object under a prefix) and sniffs their compression. */
public final class S3Sources {
    private final S3Client s3;

    public S3Sources(S3Client s3) {
        this.s3 = s3;
    }

    /** @throws SourceMissingException when there is no such object */
    public SourceObject object(String bucket, String key) {
        HeadObjectResponse head;
        try {
            head = s3.headObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new SourceMissingException("s3://" + bucket + "/" + key + " does not exist", e);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) { // a HEAD has no body, so no error code to map to NoSuchKey
                throw new SourceMissingException("s3://" + bucket + "/" + key + " does not exist", e);
            }
            throw e;
        }
        return new SourceObject(new SourceVersion(bucket, key, head.eTag()), head.contentLength(), head.lastModified(),
                sniff(bucket, key, head.contentLength(), head.eTag()));
    }

    public List<SourceObject> prefix(String bucket, String prefix) {
        List<SourceObject> out = new ArrayList<>();
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
            if (o.key().endsWith("/")) {
                continue; // console "folders"
            }
            out.add(new SourceObject(new SourceVersion(bucket, o.key(), o.eTag()), o.size(), o.lastModified(), sniff(bucket, o.key(), o.size(), o.eTag())));
        }
        return out;
    }

    private Compression sniff(String bucket, String key, long size, String etag) {
        if (size == 0) {
            return Compression.NONE;
        }
        byte[] head;
        try {
            head = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).ifMatch(etag)
                    .range("bytes=0-" + (Compression.MAGIC_BYTES - 1))).asByteArray();
        } catch (NoSuchKeyException e) {
            throw new SourceMissingException("s3://" + bucket + "/" + key + " disappeared while it was being planned", e);
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                throw new SourceChangedException("s3://" + bucket + "/" + key + " changed while it was being planned"
                        + " (ETag is no longer " + etag + "); the new upload is a run of its own", e);
            }
            throw e;
        }
        return Compression.detect(head);
    }
}
