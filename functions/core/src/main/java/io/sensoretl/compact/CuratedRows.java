package io.sensoretl.compact;

import io.sensoretl.parquet.ParquetFiles;
import io.sensoretl.parquet.ReadingRows;
import io.sensoretl.reading.Reading;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The rows of a partition's current curated version, part after part, minus the rows of the runs
 * being (re-)applied. Compaction wrote the parts as one ordered stream, so read in key order they are
 * already sorted and can join the merge directly instead of being sorted again; this source checks
 * that as it reads and throws {@link OutOfOrder} otherwise (data written under a different order), so
 * the caller can fall back to sorting them.
 */
final class CuratedRows implements RowSource {
    /** The curated version is not in the expected order. */
    static final class OutOfOrder extends RuntimeException {
        OutOfOrder(String file, Reading previous, Reading row) {
            super("curated file " + file + " is not in (sensor_id, ts) order: " + row.sensorId() + "@" + row.tsMicros()
                    + " follows " + previous.sensorId() + "@" + previous.tsMicros());
        }
    }

    private final Blobs blobs;
    private final List<Blob> parts;
    private final Set<String> replacedRuns;
    private final Comparator<Reading> order;
    private int next;
    private ReadingRows reader;
    private Blob current;
    private Reading previous;
    long kept;
    long replaced;

    /** @param order the order to verify, or {@code null} when the rows are going to be sorted anyway */
    CuratedRows(Blobs blobs, List<Blob> parts, Set<String> replacedRuns, Comparator<Reading> order) {
        this.blobs = blobs;
        this.parts = parts;
        this.replacedRuns = replacedRuns;
        this.order = order;
    }

    @Override
    public Reading next() throws IOException {
        while (true) {
            if (reader == null) {
                if (next == parts.size()) {
                    return null;
                }
                current = parts.get(next++);
                reader = ParquetFiles.readingReader(blobs.input(current));
            }
            Reading r = reader.read();
            if (r == null) {
                reader.close();
                reader = null;
                continue;
            }
            if (replacedRuns.contains(r.runId())) {
                replaced++;
                continue;
            }
            if (order != null && previous != null && order.compare(previous, r) > 0) {
                throw new OutOfOrder(current.key(), previous, r);
            }
            previous = r;
            kept++;
            return r;
        }
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
