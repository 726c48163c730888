package io.sensoretl.transform;

import io.sensoretl.parquet.StreamOutputFile;
import io.sensoretl.store.ObjectStore;
import java.io.IOException;
import org.apache.parquet.io.OutputFile;

/**
 * Where a chunk's files go: objects of an {@link ObjectStore} under a readings prefix and a rejects
 * prefix (S3's staging and rejects prefixes, or directories of a local store). Names are chosen by the
 * transform (deterministic per chunk, so a retry overwrites); each file is streamed into the store as it
 * is written and appears only when it is complete.
 */
public final class TransformOutputs {
    private final ObjectStore store;
    private final String readingsPrefix;
    private final String rejectsPrefix;

    /**
     * @param readingsPrefix key prefix of the staged readings, ending in '/' (or empty)
     * @param rejectsPrefix  key prefix of the rejects files, ending in '/' (or empty)
     */
    public TransformOutputs(ObjectStore store, String readingsPrefix, String rejectsPrefix) {
        this.store = store;
        this.readingsPrefix = readingsPrefix;
        this.rejectsPrefix = rejectsPrefix;
    }

    /** A staged readings file, e.g. partition {@code dt=2024-03-01}, name {@code chunk-00007.parquet}. */
    public OutputFile readings(String partition, String fileName) throws IOException {
        return open(readingsPrefix + partition + "/" + fileName);
    }

    /** The chunk's rejects file. */
    public OutputFile rejects(String fileName) throws IOException {
        return open(rejectsPrefix + fileName);
    }

    private OutputFile open(String key) throws IOException {
        return new StreamOutputFile(store.create(key), store.location(key));
    }
}
