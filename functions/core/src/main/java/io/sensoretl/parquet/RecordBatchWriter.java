package io.sensoretl.parquet;

import io.sensoretl.columnar.ByteDictionary;
import io.sensoretl.columnar.ReadingColumns;
import io.sensoretl.columnar.ReadingDictionaries;
import io.sensoretl.reading.ReadingBatch;
import java.io.Closeable;
import java.io.IOException;

/**
 * Writes ranges of {@link ReadingBatch} rows as one curated Parquet file (ZSTD, dictionaries, the
 * {@link ReadingSchema#READINGS} schema), reporting the bytes that reached the stream so far. Rows are
 * gathered as dictionary ids into a {@link ReadingColumns} batch and written a row group at a time by
 * {@link ReadingColumnsWriter} (the transform's page writers), in the order given: no record consumer
 * call per field, no per-value dictionary or statistics lookups in parquet-java. A row group is written
 * every {@link #ROW_GROUP_ROWS} rows (or when a dictionary reaches its limits), so a part of any size
 * is written in bounded memory.
 */
public final class RecordBatchWriter implements Closeable {
    /** Rows per row group: about 60 MB of column vectors while it fills. */
    static final int ROW_GROUP_ROWS = 1 << 20;

    private final StreamOutputFile file;
    private final ColumnarParquetFile out;
    private final ReadingDictionaries dictionaries = new ReadingDictionaries();
    private final ReadingColumns batch = new ReadingColumns(dictionaries, 16 * 1024);
    private final ReadingColumnsWriter columns = new ReadingColumnsWriter();
    private final Ids sensorIds = new Ids(dictionaries.sensorIds);
    private final Ids metrics = new Ids(dictionaries.metrics);
    private final Ids units = new Ids(dictionaries.units);
    private final Ids attributeKeys = new Ids(dictionaries.attributeKeys);
    private final Ids attributeValues = new Ids(dictionaries.attributeValues);
    private final Ids sourceKeys = new Ids(dictionaries.sourceKeys);
    private final Ids runIds = new Ids(dictionaries.runIds);
    private final int rowGroupRows;
    private int[] order = new int[0];
    private long rows;
    private boolean closed;

    public RecordBatchWriter(StreamOutputFile file) throws IOException {
        this(file, ROW_GROUP_ROWS);
    }

    RecordBatchWriter(StreamOutputFile file, int rowGroupRows) throws IOException {
        this.file = file;
        this.rowGroupRows = rowGroupRows;
        // opened now, as parquet-java's writer did: the magic bytes reach the stream before the first row
        this.out = new ColumnarParquetFile(file, ReadingSchema.READINGS);
    }

    public void write(ReadingBatch c, int from, int to) throws IOException {
        for (int i = from; i < to; i++) {
            byte[] unit = c.unit[i];
            batch.add(sensorIds.id(c.sensorId[i]), c.ts[i], metrics.id(c.metric[i]), c.value[i],
                    unit == null ? ReadingColumns.NO_VALUE : units.id(unit), c.hasLat[i], c.lat[i], c.hasLon[i], c.lon[i],
                    sourceKeys.id(c.sourceKey[i]), runIds.id(c.runId[i]));
            for (int a = c.attrStart[i], end = c.attrStart[i + 1]; a < end; a++) {
                byte[] v = c.attrValue[a];
                batch.addAttribute(attributeKeys.id(c.attrKey[a]), v == null ? ReadingColumns.NO_VALUE : attributeValues.id(v));
            }
            if (batch.size() == rowGroupRows || dictionaries.full()) {
                flush();
            }
        }
        rows += to - from;
    }

    private void flush() throws IOException {
        int n = batch.size();
        if (n == 0) {
            return;
        }
        if (order.length < n) {
            order = new int[Math.max(n, Math.min(rowGroupRows, order.length * 2))];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
        }
        columns.writeRowGroup(out, batch, order, n);
        batch.clear();
        dictionaries.clear();
        sensorIds.forget();
        metrics.forget();
        units.forget();
        attributeKeys.forget();
        attributeValues.forget();
        sourceKeys.forget();
        runIds.forget();
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
        if (closed) {
            return;
        }
        closed = true;
        flush();
        out.close();
    }

    /**
     * A column's dictionary ids, with the last arrays seen remembered by reference: rows arrive sorted
     * and their strings are mostly canonical arrays, so a sensor id, the run id, the source key and the
     * few metrics and units repeat as the same objects from row to row. Any other array is interned by
     * its bytes, so the ids never depend on which arrays were shared.
     */
    private static final class Ids {
        private static final int SLOTS = 8;
        private final ByteDictionary dictionary;
        private final byte[][] arrays = new byte[SLOTS][];
        private final int[] ids = new int[SLOTS];
        private int next;

        Ids(ByteDictionary dictionary) {
            this.dictionary = dictionary;
        }

        int id(byte[] v) {
            for (int s = 0; s < SLOTS; s++) {
                if (arrays[s] == v) {
                    return ids[s];
                }
            }
            int id = dictionary.intern(v, 0, v.length);
            arrays[next] = v;
            ids[next] = id;
            next = (next + 1) % SLOTS;
            return id;
        }

        void forget() {
            java.util.Arrays.fill(arrays, null);
            next = 0;
        }
    }
}
