package io.sensoretl.parquet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.SortingColumn;
import org.apache.parquet.format.Util;

/**
 * Declares, in a local Parquet file's footer, that every row group is sorted by
 * {@code (sensor_id ASC, ts ASC)} — the {@code sorting_columns} a sorting writer puts there. Only the
 * footer is rewritten (column chunk offsets do not change). For tests, which need files that declare
 * an order (truthfully or not), and for {@code bench compact --staged sorted}, which stands in for a
 * transform that writes sorted chunks.
 */
public final class SortDeclaration {
    private SortDeclaration() {}

    public static void declareSensorTimeOrder(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long length = raf.length();
            byte[] tail = new byte[8];
            raf.seek(length - 8);
            raf.readFully(tail);
            if (!new String(tail, 4, 4, StandardCharsets.US_ASCII).equals("PAR1")) {
                throw new IOException(file + " is not a Parquet file");
            }
            int footerLength = ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            long footerStart = length - 8 - footerLength;
            byte[] footer = new byte[footerLength];
            raf.seek(footerStart);
            raf.readFully(footer);
            FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(footer));
            List<SortingColumn> order = List.of(new SortingColumn(leaf(meta, "sensor_id", file), false, false),
                    new SortingColumn(leaf(meta, "ts", file), false, false));
            for (RowGroup group : meta.getRow_groups()) {
                group.setSorting_columns(new ArrayList<>(order));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Util.writeFileMetaData(meta, out);
            byte[] newFooter = out.toByteArray();
            raf.setLength(footerStart);
            raf.seek(footerStart);
            raf.write(newFooter);
            raf.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(newFooter.length).array());
            raf.write("PAR1".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Index of a top-level primitive column among the schema's leaves. */
    private static int leaf(FileMetaData meta, String name, Path file) throws IOException {
        int leafIndex = 0;
        // schema elements are a depth-first list: the root, then each field; groups give their child count
        List<SchemaElement> schema = meta.getSchema();
        int[] remaining = new int[64];
        int depth = 0;
        remaining[0] = schema.get(0).getNum_children();
        for (int i = 1; i < schema.size(); i++) {
            SchemaElement e = schema.get(i);
            boolean group = e.isSetNum_children() && e.getNum_children() > 0;
            if (!group) {
                if (depth == 0 && e.getName().equals(name)) {
                    return leafIndex;
                }
                leafIndex++;
            }
            remaining[depth]--;
            if (group) {
                remaining[++depth] = e.getNum_children();
            }
            while (depth > 0 && remaining[depth] == 0) {
                depth--;
            }
        }
        throw new IOException(file + " has no top-level column " + name);
    }
}
