package io.sensoretl.parquet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SortingColumn;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A Parquet file's footer, read once: the metadata parquet-java works with, plus what its conversion
 * drops — the row groups' {@code sorting_columns}, where a writer declares the order of its rows.
 * The last 64 KiB are read in one request, which holds the whole footer of the files this project
 * writes (one GET on S3 instead of two).
 */
public final class ParquetFooter {
    private static final int TAIL_BYTES = 64 * 1024;
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private final String name;
    private final FileMetaData thrift;
    private final ParquetMetadata metadata;

    private ParquetFooter(String name, FileMetaData thrift, ParquetMetadata metadata) {
        this.name = name;
        this.thrift = thrift;
        this.metadata = metadata;
    }

    /** Reads the footer of {@code file} through {@code in} (left positioned anywhere). */
    public static ParquetFooter read(InputFile file, SeekableInputStream in, String name) throws IOException {
        long length = file.getLength();
        if (length < 12) {
            throw new IOException(name + " is not a Parquet file: " + length + " bytes");
        }
        int tailLength = (int) Math.min(length, TAIL_BYTES);
        byte[] tail = new byte[tailLength];
        in.seek(length - tailLength);
        in.readFully(tail);
        for (int i = 0; i < 4; i++) {
            if (tail[tailLength - 4 + i] != MAGIC[i]) {
                throw new IOException(name + " is not a Parquet file: it does not end with PAR1");
            }
        }
        int footerLength = ByteBuffer.wrap(tail, tailLength - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (footerLength <= 0 || footerLength > length - 12) {
            throw new IOException(name + " has a corrupt footer length " + footerLength + " (file of " + length + " bytes)");
        }
        byte[] footer;
        if (footerLength + 8 <= tailLength) {
            footer = java.util.Arrays.copyOfRange(tail, tailLength - 8 - footerLength, tailLength - 8);
        } else {
            footer = new byte[footerLength];
            in.seek(length - 8 - footerLength);
            in.readFully(footer);
        }
        FileMetaData thrift = Util.readFileMetaData(new ByteArrayInputStream(footer));
        ParquetMetadata metadata = new ParquetMetadataConverter().fromParquetMetadata(thrift);
        return new ParquetFooter(name, thrift, metadata);
    }

    public ParquetMetadata metadata() {
        return metadata;
    }

    public long rows() {
        return thrift.getNum_rows();
    }

    public String name() {
        return name;
    }

    /**
     * Whether every row group declares, as its leading {@code sorting_columns}, these top-level
     * columns in ascending order. A declaration only: readers that rely on it must still check the
     * rows (a writer may be wrong).
     */
    public boolean declaresAscending(String... columns) {
        List<ColumnDescriptor> leaves = metadata.getFileMetaData().getSchema().getColumns();
        int[] indexes = new int[columns.length];
        for (int c = 0; c < columns.length; c++) {
            indexes[c] = -1;
            for (int i = 0; i < leaves.size(); i++) {
                String[] path = leaves.get(i).getPath();
                if (path.length == 1 && path[0].equals(columns[c])) {
                    indexes[c] = i;
                }
            }
            if (indexes[c] < 0) {
                return false;
            }
        }
        if (thrift.getRow_groups() == null || thrift.getRow_groups().isEmpty()) {
            return false;
        }
        for (RowGroup group : thrift.getRow_groups()) {
            List<SortingColumn> sorting = group.isSetSorting_columns() ? group.getSorting_columns() : List.of();
            if (sorting.size() < columns.length) {
                return false;
            }
            for (int c = 0; c < columns.length; c++) {
                SortingColumn s = sorting.get(c);
                if (s.getColumn_idx() != indexes[c] || s.isDescending()) {
                    return false;
                }
            }
        }
        return true;
    }
}
