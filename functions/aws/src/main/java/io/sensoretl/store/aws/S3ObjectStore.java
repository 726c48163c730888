package io.sensoretl.store.aws;

import io.sensoretl.store.ObjectChangedException;
import io.sensoretl.store.ObjectMissingException;
import io.sensoretl.store.ObjectOutput;
import io.sensoretl.store.ObjectStore;
import io.sensoretl.store.StoredObject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Tagging;

/** One S3 bucket as an {@link ObjectStore}. */
public final class S3ObjectStore implements ObjectStore {
    /** S3's DeleteObjects limit. */
    private static final int DELETE_BATCH = 1000;
    /** Must match the lifecycle rule's tag filter in template.yaml (a deploy check compares them). */
    public static final String REPLACED_TAG_KEY = "sensoretl-replaced";

    private final S3Client s3;
    private final String bucket;
    private final boolean lifecycleTags;

    public S3ObjectStore(S3Client s3, String bucket) {
        this(s3, bucket, true);
    }

    private S3ObjectStore(S3Client s3, String bucket, boolean lifecycleTags) {
        this.s3 = s3;
        this.bucket = bucket;
        this.lifecycleTags = lifecycleTags;
    }

    /**
     * For an S3-compatible store without lifecycle rules or object tagging (the local runtime's
     * endpoint): replaced versions are not tagged, the compactor's own sweep deletes them.
     */
    public static S3ObjectStore withoutLifecycleTags(S3Client s3, String bucket) {
        return new S3ObjectStore(s3, bucket, false);
    }

    @Override
    public List<StoredObject> list(String prefix) {
        List<StoredObject> out = new ArrayList<>();
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
            out.add(new StoredObject(o.key(), o.size()));
        }
        return out;
    }

    /**
     * One GET of the range, conditional on the ETag when one is given (If-Match). A whole object is read
     * without a Range header, since S3 answers {@code bytes=0-} of an empty object with 416.
     */
    @Override
    public InputStream read(String key, long from, long to, String etag) throws IOException {
        String range = from == 0 && to < 0 ? null : "bytes=" + from + "-" + (to < 0 ? "" : String.valueOf(to - 1));
        ResponseInputStream<GetObjectResponse> body;
        try {
            body = s3.getObject(b -> b.bucket(bucket).key(key).range(range).ifMatch(etag));
        } catch (NoSuchKeyException e) {
            throw new ObjectMissingException(key, location(key) + " does not exist", e);
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                throw new ObjectChangedException(key, location(key) + " is no longer version " + etag, e);
            }
            throw e;
        }
        return new FilterInputStream(body) {
            @Override
            public void close() throws IOException {
                // abort rather than drain: a reader may stop long before the range ends
                body.abort();
                body.close();
            }
        };
    }

    @Override
    public ObjectOutput create(String key) {
        return new S3MultipartOutputStream(s3, bucket, key, contentType(key));
    }

    /**
     * Parquet and JSON files say so (the media type registered for Parquet, the plan's manifest and the
     * compaction's plan files as JSON); anything else is plain bytes.
     */
    static String contentType(String key) {
        if (key.endsWith(".parquet")) {
            return "application/vnd.apache.parquet";
        }
        return key.endsWith(".json") ? "application/json" : "application/octet-stream";
    }

    @Override
    public void delete(Collection<String> keys) throws IOException {
        List<String> all = List.copyOf(keys);
        for (int i = 0; i < all.size(); i += DELETE_BATCH) {
            List<ObjectIdentifier> batch = all.subList(i, Math.min(all.size(), i + DELETE_BATCH)).stream()
                    .map(k -> ObjectIdentifier.builder().key(k).build()).toList();
            DeleteObjectsResponse response = s3.deleteObjects(b -> b.bucket(bucket)
                    .delete(Delete.builder().objects(batch).quiet(true).build()));
            if (response.hasErrors() && !response.errors().isEmpty()) {
                var e = response.errors().get(0);
                throw new IOException("could not delete s3://" + bucket + "/" + e.key() + ": " + e.code() + " " + e.message()
                        + " (" + response.errors().size() + " keys failed)");
            }
        }
    }

    /**
     * One PutObjectTagging per object (S3 has no batch call); a replaced version has a handful of
     * parts of ~256 MiB. The bucket's lifecycle rule expires objects carrying this tag.
     */
    @Override
    public void tagReplaced(Collection<String> keys) {
        if (!lifecycleTags) {
            return;
        }
        Tagging tagging = Tagging.builder().tagSet(Tag.builder().key(REPLACED_TAG_KEY).value("true").build()).build();
        for (String key : keys) {
            s3.putObjectTagging(b -> b.bucket(bucket).key(key).tagging(tagging));
        }
    }

    @Override
    public String location(String prefix) {
        return "s3://" + bucket + "/" + prefix;
    }

    @Override
    public String prefixOf(String location) {
        String base = "s3://" + bucket + "/";
        if (!location.startsWith(base)) {
            throw new IllegalArgumentException("location " + location + " is not in bucket " + bucket);
        }
        return location.substring(base.length());
    }
}
