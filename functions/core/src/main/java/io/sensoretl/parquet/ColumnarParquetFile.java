package io.sensoretl.parquet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.format.SortingColumn;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * A Parquet file written column chunk by column chunk: for each row group the caller writes each leaf
 * column's pages through {@link #pages(int)} (parquet-java's {@link ColumnChunkPageWriteStore}: ZSTD,
 * page checksums, column and offset indexes), then {@link #endRowGroup}. Optionally declares the rows'
 * order as the row groups' {@code sorting_columns}.
 */
final class ColumnarParquetFile implements AutoCloseable {
    private static final Map<String, String> METADATA = Map.of("writer", "sensor-etl");

    private final MessageType schema;
    private final SortingColumnsFooter footer;
    private final ParquetFileWriter writer;
    private final List<ColumnDescriptor> columns;
    private ColumnChunkPageWriteStore store;
    private boolean closed;

    /**
     * @param sortedBy leaf column indexes the rows of every row group are sorted by (ascending, no nulls
     *                 first), or empty
     */
    ColumnarParquetFile(OutputFile file, MessageType schema, int... sortedBy) throws IOException {
        this.schema = schema;
        List<SortingColumn> sorting = new ArrayList<>();
        for (int c : sortedBy) {
            sorting.add(new SortingColumn(c, false, false));
        }
        this.footer = sorting.isEmpty() ? null : new SortingColumnsFooter(file, sorting);
        this.writer = new ParquetFileWriter(footer == null ? file : footer, schema, ParquetFileWriter.Mode.OVERWRITE,
                ParquetFiles.ROW_GROUP_BYTES, 0, ParquetProperties.DEFAULT_COLUMN_INDEX_TRUNCATE_LENGTH,
                ParquetProperties.DEFAULT_STATISTICS_TRUNCATE_LENGTH, ParquetProperties.DEFAULT_PAGE_WRITE_CHECKSUM_ENABLED);
        this.columns = schema.getColumns();
        writer.start();
    }

    ColumnDescriptor column(int leaf) {
        return columns.get(leaf);
    }

    /** The page writer of a leaf column in the current row group. */
    PageWriter pages(int leaf) {
        if (store == null) {
            store = new ColumnChunkPageWriteStore(CompressionCodecs.INSTANCE.getCompressor(CompressionCodecName.ZSTD),
                    schema, HeapByteBufferAllocator.getInstance(), ParquetProperties.DEFAULT_COLUMN_INDEX_TRUNCATE_LENGTH,
                    ParquetProperties.DEFAULT_PAGE_WRITE_CHECKSUM_ENABLED);
        }
        return store.getPageWriter(columns.get(leaf));
    }

    /** Writes the row group whose pages were given (every leaf column must have had pages). */
    void endRowGroup(long rows) throws IOException {
        writer.startBlock(rows);
        store.flushToFileWriter(writer);
        writer.endBlock();
        store.close();
        store = null;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (footer != null) {
            footer.holdTail();
        }
        writer.end(METADATA);
    }
}
