package io.sensoretl.parquet;

import io.sensoretl.reading.ReadingBatch;
import java.io.Closeable;
import java.io.IOException;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * Writes ranges of {@link ReadingBatch} rows as one curated Parquet file (ZSTD, dictionaries, the
 * {@link ReadingSchema#READINGS} schema) through parquet-java's record writer, reporting the bytes
 * that reached the stream so far. Row groups of 64 MiB are flushed as they fill, so a part of any
 * size is written in bounded memory. This is where compaction spends most of its time (a record
 * consumer call per field); a column-level writer would take its place.
 */
public final class RecordBatchWriter implements Closeable {
    private final StreamOutputFile file;
    private final ParquetWriter<ColumnsWriteSupport.Row> writer;
    private final ColumnsWriteSupport.Row cursor = new ColumnsWriteSupport.Row();
    private long rows;

    public RecordBatchWriter(StreamOutputFile file) throws IOException {
        this.file = file;
        // timestamps are nearly unique: a dictionary would fill up and be dropped in every row group
        this.writer = ParquetFiles.writer(file, new ColumnsWriteSupport(), "ts");
    }

    public void write(ReadingBatch columns, int from, int to) throws IOException {
        cursor.columns = columns;
        for (int i = from; i < to; i++) {
            cursor.index = i;
            writer.write(cursor);
        }
        rows += to - from;
    }

    public long rows() {
        return rows;
    }

    /** Bytes handed to the stream so far: row groups reach it when flushed, the footer on close. */
    public long bytesWritten() {
        return file.bytesWritten();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
