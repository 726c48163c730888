package io.sensoretl.compact;

import io.sensoretl.parquet.ParquetFiles;
import io.sensoretl.parquet.StreamOutputFile;
import io.sensoretl.reading.Reading;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * Writes one ordered row stream as {@code part-00000.parquet, part-00001.parquet, ...} under a
 * prefix, starting a new part whenever the current one reaches the target size. Every part but the
 * last is therefore near the target, and at most one smaller remainder exists.
 *
 * <p>A Parquet writer cannot tell its compressed size while a row group is open (it counts buffered
 * pages before compression and dictionaries not at all; measured 10x off), so parts are cut by row
 * count: the compressed bytes per row are first measured on a sample written to memory, then
 * re-measured on every finished part and on every row group the writer flushes.
 */
final class TargetSizedParts implements AutoCloseable {
    static final int SAMPLE_ROWS = 16_384;

    private final Blobs blobs;
    private final String prefix;
    private final long targetBytes;
    private final List<Blob> written = new ArrayList<>();
    private final List<Reading> sample = new ArrayList<>();
    private double bytesPerRow = Double.NaN;
    private Part current;

    TargetSizedParts(Blobs blobs, String prefix, long targetBytes) {
        this.blobs = blobs;
        this.prefix = prefix;
        this.targetBytes = targetBytes;
    }

    void write(Reading r) throws IOException {
        if (Double.isNaN(bytesPerRow)) {
            sample.add(r);
            if (sample.size() == SAMPLE_ROWS) {
                bytesPerRow = measure(sample);
                drainSample();
            }
            return;
        }
        append(r);
    }

    int finishedParts() {
        return written.size();
    }

    /** Closes the last part and returns every part written, with real sizes. */
    List<Blob> finish() throws IOException {
        if (Double.isNaN(bytesPerRow)) {
            // fewer rows than the sample: they make one (remainder) part whatever their size
            bytesPerRow = 0;
        }
        drainSample();
        if (current != null) {
            finishPart();
        }
        return List.copyOf(written);
    }

    private void drainSample() throws IOException {
        for (Reading r : sample) {
            append(r);
        }
        sample.clear();
    }

    private void append(Reading r) throws IOException {
        if (current == null) {
            current = new Part(blobs, prefix + String.format("part-%05d.parquet", written.size()));
        }
        long flushedBefore = current.file.bytesWritten();
        current.writer.write(r);
        current.rows++;
        if (current.file.bytesWritten() != flushedBefore) {
            // a row group reached the stream: the best measure of this data's compressed size so far
            bytesPerRow = (double) current.file.bytesWritten() / current.rows;
        }
        if (bytesPerRow > 0 && current.rows * bytesPerRow >= targetBytes) {
            finishPart();
        }
    }

    private void finishPart() throws IOException {
        Part part = current;
        current = null;
        part.writer.close();
        long actual = part.file.bytesWritten();
        if (part.rows >= SAMPLE_ROWS) {
            bytesPerRow = (double) actual / part.rows;
        }
        written.add(new Blob(part.key, actual));
    }

    private static double measure(List<Reading> rows) throws IOException {
        StreamOutputFile sample = new StreamOutputFile(OutputStream.nullOutputStream(), "sample");
        try (ParquetWriter<Reading> w = ParquetFiles.readingWriter(sample)) {
            for (Reading r : rows) {
                w.write(r);
            }
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
        final BlobOutput out;
        final StreamOutputFile file;
        final ParquetWriter<Reading> writer;
        long rows;

        Part(Blobs blobs, String key) throws IOException {
            this.key = key;
            this.out = blobs.create(key);
            this.file = new StreamOutputFile(out, key);
            this.writer = ParquetFiles.readingWriter(file);
        }
    }
}
