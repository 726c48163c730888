package io.sensoretl.store;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.parquet.io.InputFile;

/**
 * The object store compaction reads and writes: S3 on AWS, a directory locally. Keys are
 * slash-separated like S3 keys; {@link #location(String)} turns a key prefix into the URI the
 * catalog stores, so the catalog and the store agree on where a partition lives.
 */
public interface ObjectStore {

    /** Every object whose key starts with {@code prefix}, in key order. */
    List<StoredObject> list(String prefix) throws IOException;

    /** A seekable view of one object, as Parquet readers need. */
    InputFile input(StoredObject blob) throws IOException;

    /** A new object, visible only once the returned stream is closed. */
    ObjectOutput create(String key) throws IOException;

    /** Deletes the objects; keys that do not exist are not an error (deletes are retried). */
    void delete(Collection<String> keys) throws IOException;

    /**
     * Tags objects of a curated version the catalog has switched away from, so that a storage
     * lifecycle rule can expire them after the grace period (S3: the tag the rule in template.yaml
     * matches). A store without lifecycle rules does nothing: compaction's own sweep deletes them.
     */
    void tagReplaced(Collection<String> keys) throws IOException;

    /** The URI of a key prefix as the catalog records it, e.g. {@code s3://bucket/prefix}. */
    String location(String prefix);

    /** The key prefix of a location produced by {@link #location(String)}. */
    String prefixOf(String location);
}
