package io.sensoretl.transform;

import io.sensoretl.decode.FieldError;
import io.sensoretl.decode.RecordView;
import java.io.IOException;

/** Iterates the source records a chunk owns, whatever the format. */
interface SourceRecords extends AutoCloseable {

    /** Moves to the next record; false at the end of the chunk. */
    boolean next() throws IOException;

    /** Offset of the current record's first byte in the decompressed object. */
    long offset();

    /** The current record's text for a reject, at most {@code maxBytes} bytes. */
    String raw(int maxBytes);

    /** Decodes the current record; a {@link FieldError} says why it is not a record at all. */
    RecordView decode() throws FieldError;

    /**
     * A problem found after the last record (e.g. the gzip stream ended early between records), to
     * be reported as one reject; {@code null} normally.
     */
    default io.sensoretl.decode.FieldError trailingError() {
        return null;
    }

    /** Bytes consumed so far (decompressed). */
    long bytes();

    @Override
    void close() throws IOException;
}
