package io.sensoretl.local;

import io.sensoretl.asl.services.ObjectStore;
import io.sensoretl.asl.services.ObjectStoreException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The ASL engine's {@link ObjectStore} over an AWS SDK v2 {@link S3Client}: real S3, or any S3-compatible
 * endpoint such as the local one. SDK failures keep the service's message, which the engine puts in the
 * cause of States.ItemReaderFailed / States.ResultWriterFailed.
 */
public final class SdkObjectStore implements ObjectStore {
    private final S3Client s3;
    private final Integer pageSize;

    public SdkObjectStore(S3Client s3) {
        this(s3, null);
    }

    /** @param pageSize keys per ListObjectsV2 page, or null for the service's default (1000) */
    SdkObjectStore(S3Client s3, Integer pageSize) {
        this.s3 = s3;
        this.pageSize = pageSize;
    }

    @Override
    public byte[] get(String bucket, String key) {
        try {
            return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        } catch (SdkException e) {
            throw failure(e);
        }
    }

    @Override
    public List<ObjectSummary> list(String bucket, String prefix) {
        List<ObjectSummary> out = new ArrayList<>();
        String token = null;
        try {
            do {
                ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix)
                        .maxKeys(pageSize).continuationToken(token);
                ListObjectsV2Response page = s3.listObjectsV2(request.build());
                for (S3Object o : page.contents()) {
                    out.add(new ObjectSummary(o.key(), o.eTag(), o.lastModified(), o.size(), o.storageClassAsString()));
                }
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null);
        } catch (SdkException e) {
            throw failure(e);
        }
        return out;
    }

    @Override
    public void put(String bucket, String key, byte[] body, String contentType) {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(body));
        } catch (SdkException e) {
            throw failure(e);
        }
    }

    @Override
    public void createBucket(String bucket) {
        try {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException exists) {
            // already there: nothing to create
        } catch (SdkException e) {
            throw failure(e);
        }
    }

    private static ObjectStoreException failure(SdkException e) {
        String code = e instanceof AwsServiceException service && service.awsErrorDetails() != null
                ? service.awsErrorDetails().errorCode() : null;
        return new ObjectStoreException(e.getMessage(), code, e);
    }
}
