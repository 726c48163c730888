package io.sensoretl.parquet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import java.nio.file.Path;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * Compressed bytes per top-level column of a Parquet file, from its footer alone: what a reader
 * that needs only some columns (Athena, DuckDB) fetches. Used by the benchmark for the cost model.
 *
 * <p>Reads the Thrift footer directly: parquet-hadoop's ParquetReadOptions would build Hadoop's
 * codec factory, and Hadoop is not on the runtime classpath.
 */
public final class ColumnSizes {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private ColumnSizes() {}

    public static Map<String, Long> of(Path file) throws IOException {
        return of(new LocalInputFile(file), file.toString());
    }

    /** {@code name} says which file in error messages (an InputFile does not know its name). */
    public static Map<String, Long> of(InputFile input, String name) throws IOException {
        long length = input.getLength();
        if (length < 12) {
            throw new IOException(name + " is not a Parquet file: " + length + " bytes");
        }
        Map<String, Long> columns = new TreeMap<>();
        try (SeekableInputStream in = input.newStream()) {
            byte[] tail = new byte[8];
            in.seek(length - 8);
            in.readFully(tail);
            for (int i = 0; i < 4; i++) {
                if (tail[4 + i] != MAGIC[i]) {
                    throw new IOException(name + " is not a Parquet file: no PAR1 magic at its end");
                }
            }
            int footerLength = ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (footerLength <= 0 || footerLength > length - 12) {
                throw new IOException(name + ": footer length " + footerLength + " does not fit a " + length + "-byte file");
            }
            byte[] footer = new byte[footerLength];
            in.seek(length - 8 - footerLength);
            in.readFully(footer);
            FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(footer));
            for (RowGroup group : meta.getRow_groups()) {
                for (ColumnChunk chunk : group.getColumns()) {
                    columns.merge(chunk.getMeta_data().getPath_in_schema().get(0),
                            chunk.getMeta_data().getTotal_compressed_size(), Long::sum);
                }
            }
        }
        return columns;
    }
}
