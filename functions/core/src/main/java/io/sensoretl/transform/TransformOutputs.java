package io.sensoretl.transform;

import java.io.IOException;
import org.apache.parquet.io.OutputFile;

/**
 * Where a chunk's files go. Names are chosen by the transform (deterministic per chunk, so a retry
 * overwrites); the implementation decides the prefix (S3 staging/quarantine prefixes, a local directory).
 */
public interface TransformOutputs {
    /** A staged readings file, e.g. partition {@code dt=2024-03-01}, name {@code chunk-00007.parquet}. */
    OutputFile readings(String partition, String fileName) throws IOException;

    /** The chunk's rejects file. */
    OutputFile rejects(String fileName) throws IOException;
}
