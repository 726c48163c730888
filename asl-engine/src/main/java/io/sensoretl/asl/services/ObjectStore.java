package io.sensoretl.asl.services;

import java.time.Instant;
import java.util.List;

/**
 * The S3 a Distributed Map reads its items from (ItemReader) and writes its results to (ResultWriter);
 * implement it over the AWS SDK, an embedded S3 server or memory. Implementations report failures as
 * {@link ObjectStoreException}, worded as the service words them.
 */
public interface ObjectStore {
    /** The whole object; ItemReader reads one object at a time, as Step Functions does. */
    byte[] get(String bucket, String key);

    /** Every object of the bucket whose key starts with prefix (null for all), in key order, across all pages. */
    List<ObjectSummary> list(String bucket, String prefix);

    /** @param contentType the Content-Type to store, or null to leave it to the store */
    void put(String bucket, String key, byte[] body, String contentType);

    /** Creates the bucket; a bucket that already exists is left as it is. */
    void createBucket(String bucket);

    /** One object of a listing, with the fields ListObjectsV2 reports; any of them but the key may be null. */
    record ObjectSummary(String key, String eTag, Instant lastModified, Long size, String storageClass) {}
}
