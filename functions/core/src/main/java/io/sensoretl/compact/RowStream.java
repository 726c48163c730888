package io.sensoretl.compact;

import io.sensoretl.reading.ReadingBatch;
import java.io.Closeable;
import java.io.IOException;

/** Rows in batches of columns, closed after use. */
interface RowStream extends Closeable {
    /**
     * The next non-empty batch, or {@code null} at the end. A batch stays valid until the next call
     * (streams reuse their vectors); the byte arrays it references never change.
     */
    ReadingBatch next() throws IOException;

    /** What the rows come from, for error messages (a file name). */
    String name();
}
