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

    /** Writes rows {@code order[0..n)} of the batch, in that order, to {@code file}. */
    public void write(ReadingColumns batch, int[] order, int n, OutputFile file, boolean sorted) throws IOException {
        if (n == 0) {
            throw new IllegalArgumentException("a Parquet file of readings needs at least one row");
        }
        ReadingDictionaries d = batch.dictionaries();
        if (ids.length < n) {
            ids = new int[n];
        }
        try (ColumnarParquetFile out = sorted
                ? new ColumnarParquetFile(file, ReadingSchema.READINGS, SENSOR_ID, TS, METRIC)
                : new ColumnarParquetFile(file, ReadingSchema.READINGS)) {
            requiredStrings(out, SENSOR_ID, batch, order, n, d.sensorIds, ids, data, Column.SENSOR);
            data.reset(n, false);
            for (int i = 0; i < n; i++) {
                int r = order[i];
                data.addLong(batch.ts(r));
            }
            pages.deltaLongs(out.pages(TS), out.column(TS), data);
            requiredStrings(out, METRIC, batch, order, n, d.metrics, ids, data, Column.METRIC);
            data.reset(n, false);
            for (int i = 0; i < n; i++) {
                int r = order[i];
                data.addDouble(0, batch.value(r));
            }
            pages.doubles(out.pages(VALUE), out.column(VALUE), data);
            unit(out, batch, order, n, d.units, ids, data);
            data.reset(n, false);
            for (int i = 0; i < n; i++) {
                int r = order[i];
                if (batch.hasLat(r)) {
                    data.addDouble(1, batch.lat(r));
                } else {
                    data.addNull(0, 0);
                }
            }
            pages.doubles(out.pages(LAT), out.column(LAT), data);
            data.reset(n, false);
            for (int i = 0; i < n; i++) {
                int r = order[i];
                if (batch.hasLon(r)) {
                    data.addDouble(1, batch.lon(r));
                } else {
                    data.addNull(0, 0);
                }
            }
            pages.doubles(out.pages(LON), out.column(LON), data);
            attributes(out, batch, order, n, d, data);
            requiredStrings(out, SOURCE_KEY, batch, order, n, d.sourceKeys, ids, data, Column.SOURCE_KEY);
            requiredStrings(out, RUN_ID, batch, order, n, d.runIds, ids, data, Column.RUN_ID);
            out.endRowGroup(n);
        }
    }

    private enum Column { SENSOR, METRIC, SOURCE_KEY, RUN_ID }

    private void requiredStrings(ColumnarParquetFile out, int leaf, ReadingColumns b, int[] order, int n, ByteDictionary dict,
            int[] ids, ColumnData data, Column column) throws IOException {
        for (int i = 0; i < n; i++) {
            int r = order[i];
            ids[i] = switch (column) {
                case SENSOR -> b.sensor(r);
                case METRIC -> b.metric(r);
                case SOURCE_KEY -> b.sourceKey(r);
                case RUN_ID -> b.runId(r);
            };
        }
        Ranks ranks = Ranks.of(dict, ids, n);
        data.reset(n, false);
        for (int i = 0; i < n; i++) {
            data.addInt(0, 0, ranks.rank(ids[i]));
        }
        pages.dictionaryStrings(out.pages(leaf), out.column(leaf), data, dict, ranks);
    }

    private void unit(ColumnarParquetFile out, ReadingColumns b, int[] order, int n, ByteDictionary dict, int[] ids,
            ColumnData data) throws IOException {
        for (int i = 0; i < n; i++) {
            ids[i] = b.unit(order[i]);
        }
        Ranks ranks = Ranks.of(dict, ids, n);
        data.reset(n, false);
        for (int i = 0; i < n; i++) {
            if (ids[i] == ReadingColumns.NO_VALUE) {
                data.addNull(0, 0);
            } else {
                data.addInt(0, 1, ranks.rank(ids[i]));
            }
        }
        pages.dictionaryStrings(out.pages(UNIT), out.column(UNIT), data, dict, ranks);
    }

    /**
     * The MAP column's two leaves. Levels as parquet-java's record writer produces them: an empty map is
     * written as a null map (definition 0); an entry has definition 2 at the key, 3 at a present value.
     */
    private void attributes(ColumnarParquetFile out, ReadingColumns b, int[] order, int n, ReadingDictionaries d,
            ColumnData data) throws IOException {
        int entries = 0;
        for (int i = 0; i < n; i++) {
            int r = order[i];
            entries += b.attributesTo(r) - b.attributesFrom(r);
        }
        if (keys.length < entries) {
            keys = new int[entries];
            values = new int[entries];
        }
        int e = 0;
        for (int i = 0; i < n; i++) {
            int r = order[i];
            for (int a = b.attributesFrom(r); a < b.attributesTo(r); a++) {
                keys[e] = b.attributeKey(a);
                values[e] = b.attributeValue(a);
                e++;
            }
        }
        Ranks keyRanks = Ranks.of(d.attributeKeys, keys, entries);
        Ranks valueRanks = Ranks.of(d.attributeValues, values, entries);
        for (int leaf : new int[] {ATTRIBUTE_KEY, ATTRIBUTE_VALUE}) {
            data.reset(n, true);
            e = 0;
            for (int row = 0; row < n; row++) {
                int r = order[row];
                data.startRow(row);
                int count = b.attributesTo(r) - b.attributesFrom(r);
                if (count == 0) {
                    data.addNull(0, 0);
                    continue;
                }
                for (int k = 0; k < count; k++, e++) {
                    int rep = k == 0 ? 0 : 1;
                    if (leaf == ATTRIBUTE_KEY) {
                        data.addInt(rep, 2, keyRanks.rank(keys[e]));
                    } else if (values[e] == ReadingColumns.NO_VALUE) {
                        data.addNull(rep, 2);
                    } else {
                        data.addInt(rep, 3, valueRanks.rank(values[e]));
                    }
                }
            }
            data.endRows();
            if (leaf == ATTRIBUTE_KEY) {
                pages.dictionaryStrings(out.pages(leaf), out.column(leaf), data, d.attributeKeys, keyRanks);
            } else {
                pages.dictionaryStrings(out.pages(leaf), out.column(leaf), data, d.attributeValues, valueRanks);
            }
        }
    }

    /** The rows of a batch in curated order (see {@link ReadingSort}), written sorted. */
    public static void writeSorted(ReadingColumns batch, OutputFile file) throws IOException {
        write(batch, ReadingSort.order(batch), file, true);
    }
}
