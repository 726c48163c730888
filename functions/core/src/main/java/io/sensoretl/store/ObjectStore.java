package io.sensoretl.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;

/**
 * The one port through which the functions read and write objects: S3 on AWS
 * ({@code store.aws.S3ObjectStore}), a directory locally ({@link io.sensoretl.store.local.LocalObjectStore}).
 * The transform reads its chunk with ranged reads and writes staged files and rejects; compaction, the
 * run's accounting and the ledger export list, read, write and delete. Keys are slash-separated like S3
 * keys; {@link #location(String)} turns a key prefix into the URI the catalog stores, so the catalog and
 * the store agree on where a partition lives. The port knows no Parquet type: Parquet readers see an
 * object through {@code parquet.ObjectInputFile}, which is built on {@link #read}.
 */
public interface ObjectStore {

    /** Every object whose key starts with {@code prefix}, in key order. */
    List<StoredObject> list(String prefix) throws IOException;

    /**
     * Bytes {@code [from, to)} of an object, or from {@code from} to its end when {@code to < 0}. Closing
     * the stream early is cheap (the rest of the range is not transferred).
     *
     * @param etag when not {@code null}, read only while the object is still this version
     * @throws ObjectMissingException when there is no such object
     * @throws ObjectChangedException when the object is no longer the version {@code etag} names
     */
    InputStream read(String key, long from, long to, String etag) throws IOException;

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
