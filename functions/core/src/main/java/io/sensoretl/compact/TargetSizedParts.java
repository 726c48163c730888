package io.sensoretl.compact;

import io.sensoretl.parquet.RecordBatchWriter;
import io.sensoretl.parquet.StreamOutputFile;
import io.sensoretl.reading.ReadingBatch;
import io.sensoretl.store.ObjectOutput;
import io.sensoretl.store.ObjectStore;
import io.sensoretl.store.StoredObject;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one ordered row stream as {@code <prefix>00000.parquet, <prefix>00001.parquet, ...},
 * starting a new part whenever the current one reaches the target size. Every part but the last is
 * therefore near the target, and at most one smaller remainder exists.
 *
 * <p>A Parquet writer cannot tell its compressed size while a row group is open (it counts buffered
 * pages before compression and dictionaries not at all; measured 10x off), so parts are cut by row
 * count: the compressed bytes per row are first measured on a sample written to memory, then
 * re-measured on every finished part and on every row group the writer flushes.
 */
final class TargetSizedParts implements AutoCloseable {
    static final int SAMPLE_ROWS = 16_384;
    private static final int BATCH_ROWS = 4096;

    private final ObjectStore blobs;
    private final String prefix;
    private final long targetBytes;
    private final List<StoredObject> written = new ArrayList<>();
    private final ReadingBatch pending = new ReadingBatch(BATCH_ROWS);
    private final ReadingBatch sample = new ReadingBatch(SAMPLE_ROWS);
    private double bytesPerRow = Double.NaN;
    private Part current;
    private long rows;

    TargetSizedParts(ObjectStore blobs, String prefix, long targetBytes) {
        this.blobs = blobs;
        this.prefix = prefix;
        this.targetBytes = targetBytes;
    }

    void write(ReadingBatch batch, int row) throws IOException {
        rows++;
        if (!Double.isNaN(bytesPerRow) && pending.size() == 0) {
            // measured: straight into the part (the record writer takes a row at a time anyway)
            writeOne(batch, row);
            return;
        }
        pending.append(batch, row);
        if (pending.isFull()) {
            flushPending();
        }
    }

    private void writeOne(ReadingBatch batch, int row) throws IOException {
        if (current == null) {
            current = new Part(blobs, prefix + String.format("%05d.parquet", written.size()));
        }
        long flushedBefore = current.writer.bytesWritten();
        current.writer.write(batch, row, row + 1);
        if (current.writer.bytesWritten() != flushedBefore) {
            bytesPerRow = (double) current.writer.bytesWritten() / current.writer.rows();
        }
        if (bytesPerRow > 0 && current.writer.rows() * bytesPerRow >= targetBytes) {
            finishPart();
        }
    }

    long rows() {
        return rows;
    }

    int finishedParts() {
        return written.size();
    }

    /** Closes the last part and returns every part written, with real sizes. */
    List<StoredObject> finish() throws IOException {
        flushPending();
        if (Double.isNaN(bytesPerRow)) {
            // fewer rows than the sample: they make one (remainder) part whatever their size
            bytesPerRow = 0;
            drain(sample);
        }
        if (current != null) {
            finishPart();
        }
        return List.copyOf(written);
    }

    private void flushPending() throws IOException {
        if (pending.size() == 0) {
            return;
        }
        if (Double.isNaN(bytesPerRow)) {
            for (int i = 0; i < pending.size(); i++) {
                sample.append(pending, i);
            }
            pending.clear();
            if (sample.size() >= SAMPLE_ROWS) {
                bytesPerRow = measure(sample);
                drain(sample);
            }
            return;
        }
        drain(pending);
    }

    /** Writes every row of {@code rows} into parts, then clears it. */
    private void drain(ReadingBatch rows) throws IOException {
        int from = 0;
        int n = rows.size();
        while (from < n) {
            if (current == null) {
                current = new Part(blobs, prefix + String.format("%05d.parquet", written.size()));
            }
            int to = n;
            if (bytesPerRow > 0) {
                long partRows = Math.max(1, (long) Math.ceil(targetBytes / bytesPerRow));
                to = (int) Math.min(n, from + Math.max(1, partRows - current.writer.rows()));
            }
            long flushedBefore = current.writer.bytesWritten();
            current.writer.write(rows, from, to);
            if (current.writer.bytesWritten() != flushedBefore) {
                // a row group reached the stream: the best measure of this data's compressed size so far
                bytesPerRow = (double) current.writer.bytesWritten() / current.writer.rows();
            }
            from = to;
            if (bytesPerRow > 0 && current.writer.rows() * bytesPerRow >= targetBytes) {
                finishPart();
            }
        }
        rows.clear();
    }

    private void finishPart() throws IOException {
        Part part = current;
        current = null;
        part.writer.close();
        long actual = part.writer.bytesWritten();
        if (part.writer.rows() >= SAMPLE_ROWS) {
            bytesPerRow = (double) actual / part.writer.rows();
        }
        written.add(new StoredObject(part.key, actual));
    }

    private static double measure(ReadingBatch rows) throws IOException {
        StreamOutputFile sample = new StreamOutputFile(OutputStream.nullOutputStream(), "sample");
        try (RecordBatchWriter w = new RecordBatchWriter(sample)) {
            w.write(rows, 0, rows.size());
        }
        return (double) sample.bytesWritten() / rows.size();
    }

    /** Abandons the part being written; finished parts stay (their prefix is cleaned by the caller). */
    @Override
    public void close() {
        if (current != null) {
            current.out.abort();
            current = null;
        }
    }

    private static final class Part {
        final String key;
        final ObjectOutput out;
        final RecordBatchWriter writer;

        Part(ObjectStore blobs, String key) throws IOException {
            this.key = key;
            this.out = blobs.create(key);
            this.writer = new RecordBatchWriter(new StreamOutputFile(out, key));
        }
    }
}
