package io.sensoretl.transform;

import io.sensoretl.columnar.ReadingColumns;
import io.sensoretl.columnar.ReadingDictionaries;
import io.sensoretl.reading.Reading;
import io.sensoretl.reading.RejectReason;
import io.sensoretl.validate.ReadingSink;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Where one chunk's outcome goes, whichever path decided a record: readings into the partition batches,
 * rejects (with the record's offset and raw text) into the rejects file, and the counts. As a
 * {@link ReadingSink} it takes the reference mapper's output; the fast path adds primitives directly.
 */
final class ChunkOutput implements ReadingSink, AutoCloseable {
    private final ReadingDictionaries dictionaries;
    private final PartitionBatches readings;
    private final ColumnarRejects rejects;
    private final int maxRawBytes;
    private SourceRecords record;
    private long recordIndex = -1;
    private long rawGivenFor = -2;
    private long valid;

    ChunkOutput(ReadingDictionaries dictionaries, PartitionBatches readings, ColumnarRejects rejects, int maxRawBytes) {
        this.dictionaries = dictionaries;
        this.readings = readings;
        this.rejects = rejects;
        this.maxRawBytes = maxRawBytes;
    }

    /** The next source record starts (its rejects will carry its offset and raw text). */
    void startRecord(SourceRecords current) {
        record = current;
        recordIndex++;
    }

    /** Called between records: keeps memory within its bounds. */
    void endRecord() throws IOException {
        readings.afterRecord();
        rejects.afterRecord();
        if (dictionaries.full()) {
            readings.flushAll();
            dictionaries.clear();
        }
    }

    ReadingColumns batch(long tsMicros) throws IOException {
        valid++;
        return readings.batch(tsMicros);
    }

    /** The current record's raw text, given once per record that has rejects: its first bytes, already UTF-8. */
    void rawBytes(byte[] b, int length) {
        if (rawGivenFor != recordIndex) {
            rejects.batch().raw(b, 0, Math.min(length, maxRawBytes));
            rawGivenFor = recordIndex;
        }
    }

    void reject(RejectReason reason, int detailId, long offset) {
        rejects.add(offset, reason, detailId);
    }

    int detailId(String detail) {
        return rejects.batch().detailId(detail);
    }

    int detailGeneration() {
        return rejects.batch().generation();
    }

    @Override
    public void reading(Reading reading) {
        try {
            batch(reading.tsMicros()).add(reading);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void reject(RejectReason reason, String detail) {
        if (rawGivenFor != recordIndex) {
            rejects.batch().raw(record.raw(maxRawBytes));
            rawGivenFor = recordIndex;
        }
        rejects.add(record.offset(), reason, rejects.batch().detailId(detail == null ? "" : detail));
    }

    PartitionBatches readings() {
        return readings;
    }

    ColumnarRejects rejects() {
        return rejects;
    }

    long valid() {
        return valid;
    }

    long rejected() {
        return rejects.total();
    }

    private boolean closed;

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (rejects) {
            readings.close();
        }
    }
}
