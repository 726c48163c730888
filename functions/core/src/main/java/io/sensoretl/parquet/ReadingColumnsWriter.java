package io.sensoretl.parquet;

import io.sensoretl.columnar.ByteDictionary;
import io.sensoretl.columnar.ReadingColumns;
import io.sensoretl.columnar.ReadingDictionaries;
import io.sensoretl.columnar.ReadingSort;
import io.sensoretl.columnar.ReadingSort.Ranks;
import java.io.IOException;
import org.apache.parquet.io.OutputFile;

/**
 * Writes a {@link ReadingColumns} batch as one curated Parquet file ({@link ReadingSchema#READINGS}, one
 * row group) straight from its column vectors: no record objects, no per-value dictionary lookups
 * (string ids are already dictionary ids), no per-value statistics calls. The file reads like any other
 * (DuckDB, Athena, {@link ReadingRows}).
 *
 * <p>Usage, e.g. by compaction: fill a batch, take {@link ReadingSort#order} (or any order), call
 * {@link #write}; with {@code sorted} the footer declares the rows sorted by
 * {@code (sensor_id, ts, metric)} ({@code sorting_columns}), which is true for {@link ReadingSort}'s order.
 * An instance reuses its buffers from file to file (one thread at a time).
 */
public final class ReadingColumnsWriter {
    /** Leaf column indexes of {@link ReadingSchema#READINGS}. */
    static final int SENSOR_ID = 0;
    static final int TS = 1;
    static final int METRIC = 2;
    static final int VALUE = 3;
    static final int UNIT = 4;
    static final int LAT = 5;
    static final int LON = 6;
    static final int ATTRIBUTE_KEY = 7;
    static final int ATTRIBUTE_VALUE = 8;
    static final int SOURCE_KEY = 9;
    static final int RUN_ID = 10;

    private final ColumnPages pages = new ColumnPages();
    private final ColumnData data = new ColumnData();
    private int[] ids = new int[16];
    private int[] keys = new int[16];
    private int[] values = new int[16];

    /** A writer whose buffers are reused from file to file (one thread at a time). */
    public ReadingColumnsWriter() {}

    /**
     * Writes rows {@code order[0..order.length)} of the batch, in that order, to {@code file}.
     *
     * @param sorted whether {@code order} is the (sensor_id, ts, metric) order, recorded in the footer
     */
    public static void write(ReadingColumns batch, int[] order, OutputFile file, boolean sorted) throws IOException {
        new ReadingColumnsWriter().write(batch, order, order.length, file, sorted);
    }

    /** The rows of a batch in curated order (see {@link ReadingSort}), written sorted. */
    public static void writeSorted(ReadingColumns batch, OutputFile file) throws IOException {
        write(batch, ReadingSort.order(batch), file, true);
    }

    /** Writes rows {@code order[0..n)} of the batch, in that order, to {@code file}. */
    public void write(ReadingColumns batch, int[] order, int n, OutputFile file, boolean sorted) throws IOException {
        if (n == 0) {
            throw new IllegalArgumentException("a Parquet file of readings needs at least one row");
        }
        try (ColumnarParquetFile out = sorted
                ? new ColumnarParquetFile(file, ReadingSchema.READINGS, SENSOR_ID, TS, METRIC)
                : new ColumnarParquetFile(file, ReadingSchema.READINGS)) {
            writeRowGroup(out, batch, order, n);
        }
    }

    /** Writes rows {@code order[0..n)} of the batch, in that order, as the next row group of {@code out}. */
    void writeRowGroup(ColumnarParquetFile out, ReadingColumns batch, int[] order, int n) throws IOException {
        ReadingDictionaries d = batch.dictionaries();
        if (ids.length < n) {
            ids = new int[n];
        }
        for (int i = 0; i < n; i++) {
            ids[i] = batch.sensor(order[i]);
        }
        strings(out, SENSOR_ID, d.sensorIds, n, false);
        long[] ts = data.longs(n);
        for (int i = 0; i < n; i++) {
            ts[i] = batch.ts(order[i]);
        }
        data.set(n, n, n, false);
        pages.deltaLongs(out.pages(TS), out.column(TS), data);
        for (int i = 0; i < n; i++) {
            ids[i] = batch.metric(order[i]);
        }
        strings(out, METRIC, d.metrics, n, false);
        double[] v = data.doubles(n);
        for (int i = 0; i < n; i++) {
            v[i] = batch.value(order[i]);
        }
        data.set(n, n, n, false);
        pages.doubles(out.pages(VALUE), out.column(VALUE), data);
        for (int i = 0; i < n; i++) {
            ids[i] = batch.unit(order[i]);
        }
        strings(out, UNIT, d.units, n, true);
        coordinates(out, LAT, batch, order, n);
        coordinates(out, LON, batch, order, n);
        attributes(out, batch, order, n, d);
        for (int i = 0; i < n; i++) {
            ids[i] = batch.sourceKey(order[i]);
        }
        strings(out, SOURCE_KEY, d.sourceKeys, n, false);
        for (int i = 0; i < n; i++) {
            ids[i] = batch.runId(order[i]);
        }
        strings(out, RUN_ID, d.runIds, n, false);
        out.endRowGroup(n);
    }

    /** A flat string column from the dictionary ids in {@code ids[0, n)} ({@link ReadingColumns#NO_VALUE}: null). */
    private void strings(ColumnarParquetFile out, int leaf, ByteDictionary dict, int n, boolean optional) throws IOException {
        Ranks ranks = Ranks.of(dict, ids, n);
        int[] v = data.ints(n);
        int count = 0;
        if (optional) {
            int[] def = data.def(n);
            for (int i = 0; i < n; i++) {
                int id = ids[i];
                if (id == ReadingColumns.NO_VALUE) {
                    def[i] = 0;
                } else {
                    def[i] = 1;
                    v[count++] = ranks.rank(id);
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                v[i] = ranks.rank(ids[i]);
            }
            count = n;
        }
        data.set(n, n, count, false);
        pages.dictionaryStrings(out.pages(leaf), out.column(leaf), data, dict, ranks);
    }

    private void coordinates(ColumnarParquetFile out, int leaf, ReadingColumns b, int[] order, int n) throws IOException {
        double[] v = data.doubles(n);
        int[] def = data.def(n);
        int count = 0;
        boolean lat = leaf == LAT;
        for (int i = 0; i < n; i++) {
            int r = order[i];
            if (lat ? b.hasLat(r) : b.hasLon(r)) {
                def[i] = 1;
                v[count++] = lat ? b.lat(r) : b.lon(r);
            } else {
                def[i] = 0;
            }
        }
        data.set(n, n, count, false);
        pages.doubles(out.pages(leaf), out.column(leaf), data);
    }

    /**
     * The MAP column's two leaves. Levels as parquet-java's record writer produces them: an empty map is
     * written as a null map (definition 0); an entry has definition 2 at the key, 3 at a present value.
     */
    private void attributes(ColumnarParquetFile out, ReadingColumns b, int[] order, int n, ReadingDictionaries d)
            throws IOException {
        // one gathering pass: the entries in row order and each row's entry count (no second look at the batch)
        int positions = 0;
        int e = 0;
        int[] rowStart = data.rowStarts(n);
        int[] rowEntries = data.lengths(n);
        for (int i = 0; i < n; i++) {
            int r = order[i];
            rowStart[i] = positions;
            int from = b.attributesFrom(r);
            int to = b.attributesTo(r);
            int k = to - from;
            if (e + k > keys.length) {
                int size = Math.max(e + k, keys.length * 2);
                keys = java.util.Arrays.copyOf(keys, size);
                values = java.util.Arrays.copyOf(values, size);
            }
            for (int a = from; a < to; a++) {
                keys[e] = b.attributeKey(a);
                values[e] = b.attributeValue(a);
                e++;
            }
            rowEntries[i] = k;
            positions += k == 0 ? 1 : k;
        }
        rowStart[n] = positions;
        int entries = e;
        Ranks keyRanks = Ranks.of(d.attributeKeys, keys, entries);
        Ranks valueRanks = Ranks.of(d.attributeValues, values, entries);
        int[] rep = data.rep(positions);
        int[] def = data.def(positions);
        int[] v = data.ints(positions);
        // keys: a row without attributes is one null position; each entry: repetition 0 for the row's first
        int p = 0;
        int count = 0;
        e = 0;
        for (int i = 0; i < n; i++) {
            int k = rowEntries[i];
            if (k == 0) {
                rep[p] = 0;
                def[p++] = 0;
                continue;
            }
            rep[p] = 0;
            def[p++] = 2;
            v[count++] = keyRanks.rank(keys[e++]);
            for (int j = 1; j < k; j++) {
                rep[p] = 1;
                def[p++] = 2;
                v[count++] = keyRanks.rank(keys[e++]);
            }
        }
        data.set(n, positions, count, true);
        pages.dictionaryStrings(out.pages(ATTRIBUTE_KEY), out.column(ATTRIBUTE_KEY), data, d.attributeKeys, keyRanks);
        // values: the same positions; a present value has definition 3
        p = 0;
        count = 0;
        e = 0;
        for (int i = 0; i < n; i++) {
            int k = rowEntries[i];
            if (k == 0) {
                def[p++] = 0;
                continue;
            }
            for (int j = 0; j < k; j++) {
                int id = values[e++];
                if (id == ReadingColumns.NO_VALUE) {
                    def[p++] = 2;
                } else {
                    def[p++] = 3;
                    v[count++] = valueRanks.rank(id);
                }
            }
        }
        data.set(n, positions, count, true);
        pages.dictionaryStrings(out.pages(ATTRIBUTE_VALUE), out.column(ATTRIBUTE_VALUE), data, d.attributeValues, valueRanks);
    }
}
