package io.sensoretl.transform;

import java.io.IOException;
import java.io.InputStream;

/** The decompressed bytes of one source object, opened at an offset (S3 ranged GETs, or a local file). */
public interface ByteSource {
    /**
     * Bytes from {@code from} to the end of the object. Implementations may fetch lazily: readers stop
     * shortly after their chunk's end, and closing the stream early must be cheap.
     */
    InputStream open(long from) throws IOException;
}
