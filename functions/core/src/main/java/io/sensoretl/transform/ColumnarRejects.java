package io.sensoretl.transform;

import io.sensoretl.columnar.RejectColumns;
import io.sensoretl.parquet.RejectColumnsWriter;
import io.sensoretl.reading.RejectReason;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts a chunk's rejects by reason and writes them, in input order, to the chunk's rejects file
 * (opened on the first reject) in row groups of a bounded size.
 */
final class ColumnarRejects implements AutoCloseable {
    static final int ROW_GROUP_REJECTS = 1 << 16;
    static final int ROW_GROUP_BYTES = 16 << 20;

    private final TransformOutputs outputs;
    private final String fileName;
    private final RejectColumns batch;
    private final long[] counts = new long[RejectReason.values().length];
    private RejectColumnsWriter writer;
    private String path;
    private long total;

    private final ChunkBuffers buffers;

    ColumnarRejects(TransformOutputs outputs, String fileName, String sourceKey, String runId, ChunkBuffers buffers) {
        this.outputs = outputs;
        this.fileName = fileName;
        this.buffers = buffers;
        this.batch = buffers.rejects(sourceKey, runId);
    }

    RejectColumns batch() {
        return batch;
    }

    /** Adds a reject of the current record, whose raw text was given to the batch. */
    void add(long offset, RejectReason reason, int detailId) {
        batch.add(offset, reason, detailId);
        counts[reason.ordinal()]++;
        total++;
    }

    /** Called between records: writes a row group when the batch is full. */
    void afterRecord() throws IOException {
        if (batch.size() >= ROW_GROUP_REJECTS || batch.bytes() >= ROW_GROUP_BYTES) {
            flush();
        }
    }

    private void flush() throws IOException {
        if (batch.size() == 0) {
            return;
        }
        if (writer == null) {
            var file = outputs.rejects(fileName);
            path = file.getPath();
            writer = new RejectColumnsWriter(file);
        }
        writer.write(batch);
        batch.clear(ROW_GROUP_BYTES / 2);
    }

    long total() {
        return total;
    }

    Map<String, Long> byReason() {
        Map<String, Long> out = new TreeMap<>();
        for (RejectReason r : RejectReason.values()) {
            if (counts[r.ordinal()] > 0) {
                out.put(r.code(), counts[r.ordinal()]);
            }
        }
        return out;
    }

    /** The rejects file written, or {@code null} when the chunk had none. */
    String path() {
        return path;
    }

    private boolean closed;

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flush();
            if (writer != null) {
                writer.close();
            }
        } finally {
            buffers.giveBack(batch);
        }
    }
}
