package io.sensoretl.compact;

import io.sensoretl.reading.ReadingBatch;
import io.sensoretl.store.StoredObject;
import java.io.IOException;
import java.util.List;

/**
 * The rows of several files read one after the other, each opened only when the previous one is
 * done: a version's parts, written as one ordered stream, are one sorted input to a merge, with one
 * Parquet reader open at a time.
 */
final class ConcatRows implements RowStream {
    /** Opens the rows of one file. */
    @FunctionalInterface
    interface Opener {
        ParquetRows open(StoredObject part) throws IOException;
    }

    private final List<StoredObject> parts;
    private final Opener opener;
    private int next;
    private ParquetRows current;
    private String currentName;
    long dropped;

    ConcatRows(List<StoredObject> parts, Opener opener) {
        this.parts = parts;
        this.opener = opener;
        this.currentName = parts.isEmpty() ? "(no parts)" : parts.get(0).key();
    }

    @Override
    public ReadingBatch next() throws IOException {
        while (true) {
            if (current == null) {
                if (next == parts.size()) {
                    return null;
                }
                StoredObject part = parts.get(next++);
                currentName = part.key();
                current = opener.open(part);
            }
            ReadingBatch batch = current.next();
            if (batch != null) {
                return batch;
            }
            dropped += current.dropped;
            current.close();
            current = null;
        }
    }

    /** The part being read: the one to blame when the order breaks. */
    @Override
    public String name() {
        return currentName;
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            dropped += current.dropped;
            current.close();
            current = null;
        }
    }
}
