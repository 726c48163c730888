package io.sensoretl.compact;

import io.sensoretl.reading.Reading;
import java.io.IOException;

/** A stream of rows that is closed after use; {@link #next()} returns {@code null} at the end. */
public interface RowSource extends AutoCloseable {
    Reading next() throws IOException;

    @Override
    void close() throws IOException;
}
