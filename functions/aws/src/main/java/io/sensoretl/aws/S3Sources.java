package io.sensoretl.aws;

import io.sensoretl.chunk.SourceObject;
import io.sensoretl.decode.Compression;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Finds the source objects of a run (one key, or every object under a prefix) and sniffs their compression. */
public final class S3Sources {
    private final S3Client s3;

    public S3Sources(S3Client s3) {
        this.s3 = s3;
    }

    public SourceObject object(String bucket, String key) {
        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
        return new SourceObject(bucket, key, head.eTag(), head.contentLength(), head.lastModified(),
                sniff(bucket, key, head.contentLength(), head.eTag()));
    }

    public List<SourceObject> prefix(String bucket, String prefix) {
        List<SourceObject> out = new ArrayList<>();
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
            if (o.key().endsWith("/")) {
                continue; // console "folders"
            }
            out.add(new SourceObject(bucket, o.key(), o.eTag(), o.size(), o.lastModified(), sniff(bucket, o.key(), o.size(), o.eTag())));
        }
        return out;
    }

    private Compression sniff(String bucket, String key, long size, String etag) {
        if (size == 0) {
            return Compression.NONE;
        }
        byte[] head = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).ifMatch(etag)
                .range("bytes=0-" + (Compression.MAGIC_BYTES - 1))).asByteArray();
        return Compression.detect(head);
    }
}
