package io.sensoretl.parquet;

import io.sensoretl.columnar.ByteDictionary;
import io.sensoretl.columnar.ReadingSort.Ranks;
import java.io.IOException;
import java.util.Arrays;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.DoubleStatistics;
import org.apache.parquet.column.statistics.LongStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.io.api.Binary;

/**
 * Encodes a {@link ColumnData} into Parquet v1 data pages through parquet-java's page writer: levels and
 * dictionary ids in the RLE / bit-packing hybrid ({@link RleHybrid}), strings as dictionary ids (the
 * dictionary in byte order, so a page's min and max are its smallest and largest id), int64 as
 * DELTA_BINARY_PACKED, doubles dictionary-encoded while they have few distinct values, else PLAIN.
 * Statistics per page come from the values directly. An instance keeps its buffers from page to page
 * and file to file.
 */
final class ColumnPages {
    /** Rows per data page (parquet-java's default page row limit): the granularity of the column index. */
    static final int PAGE_ROWS = 20_000;
    /** Largest double dictionary kept (parquet-java's default dictionary page limit is 1 MiB, i.e. 131,072 doubles). */
    static final int MAX_DOUBLE_DICTIONARY = 1 << 16;

    private final DeltaBinaryPacked deltas = new DeltaBinaryPacked();
    private final PageBuffer page = new PageBuffer();
    private final PageBuffer dictionary = new PageBuffer();
    private final DoubleIds doubleIds = new DoubleIds();

    /** A string column whose values are ranks into {@code ranks} (dictionary ids in byte order). */
    void dictionaryStrings(PageWriter out, ColumnDescriptor col, ColumnData data, ByteDictionary dict, Ranks ranks)
            throws IOException {
        int size = ranks.used();
        if (size > 0) {
            dictionary.reset();
            byte[] arena = dict.arena();
            for (int r = 0; r < size; r++) {
                int id = ranks.id(r);
                int len = dict.length(id);
                dictionary.writeIntLittleEndian(len);
                dictionary.write(arena, dict.start(id), len);
            }
            out.writeDictionaryPage(new DictionaryPage(dictionary.bytes(), size, Encoding.PLAIN_DICTIONARY));
        }
        int bitWidth = size == 0 ? 0 : BytesUtils.getWidthFromMaxInt(size - 1);
        int value = 0;
        for (int row = 0; row < data.rows; row += PAGE_ROWS) {
            int rowEnd = Math.min(data.rows, row + PAGE_ROWS);
            Statistics<?> stats = Statistics.createStats(col.getPrimitiveType());
            int n = levels(col, data, row, rowEnd, value, stats);
            if (n > 0) {
                int[] v = data.ints;
                int min = Integer.MAX_VALUE;
                int max = -1;
                for (int i = value; i < value + n; i++) {
                    min = Math.min(min, v[i]);
                    max = Math.max(max, v[i]);
                }
                page.write(bitWidth);
                RleHybrid.encode(v, value, value + n, bitWidth, page);
                stats.updateStats(binary(dict, ranks.id(min)));
                stats.updateStats(binary(dict, ranks.id(max)));
            }
            value += n;
            writePage(out, col, data, row, rowEnd, stats, n > 0 ? Encoding.PLAIN_DICTIONARY : Encoding.PLAIN);
        }
    }

    /** Byte strings stored as they are (PLAIN): long, mostly distinct text such as a reject's raw record. */
    void plainBytes(PageWriter out, ColumnDescriptor col, ColumnData data) throws IOException {
        int value = 0;
        for (int row = 0; row < data.rows; row += PAGE_ROWS) {
            int rowEnd = Math.min(data.rows, row + PAGE_ROWS);
            Statistics<?> stats = Statistics.createStats(col.getPrimitiveType());
            int n = levels(col, data, row, rowEnd, value, stats);
            int min = -1;
            int max = -1;
            byte[] a = data.arena;
            for (int i = value; i < value + n; i++) {
                int len = data.lengths[i];
                page.writeIntLittleEndian(len);
                page.write(a, data.ints[i], len);
                if (min < 0 || compare(a, data.ints[i], len, data.ints[min], data.lengths[min]) < 0) {
                    min = i;
                }
                if (max < 0 || compare(a, data.ints[i], len, data.ints[max], data.lengths[max]) > 0) {
                    max = i;
                }
            }
            if (n > 0) {
                stats.updateStats(Binary.fromReusedByteArray(a, data.ints[min], data.lengths[min]));
                stats.updateStats(Binary.fromReusedByteArray(a, data.ints[max], data.lengths[max]));
            }
            value += n;
            writePage(out, col, data, row, rowEnd, stats, Encoding.PLAIN);
        }
    }

    /** int64 values (a required column) as DELTA_BINARY_PACKED: sorted times become a few bits each. */
    void deltaLongs(PageWriter out, ColumnDescriptor col, ColumnData data) throws IOException {
        long[] v = data.longs;
        int value = 0;
        for (int row = 0; row < data.rows; row += PAGE_ROWS) {
            int rowEnd = Math.min(data.rows, row + PAGE_ROWS);
            Statistics<?> stats = Statistics.createStats(col.getPrimitiveType());
            int n = levels(col, data, row, rowEnd, value, stats);
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = value; i < value + n; i++) {
                min = Math.min(min, v[i]);
                max = Math.max(max, v[i]);
            }
            if (n > 0) {
                ((LongStatistics) stats).updateStats(min);
                ((LongStatistics) stats).updateStats(max);
            }
            deltas.encode(v, value, value + n, page);
            value += n;
            writePage(out, col, data, row, rowEnd, stats, Encoding.DELTA_BINARY_PACKED);
        }
    }

    /** Doubles as dictionary ids when they have few distinct values, else PLAIN. */
    void doubles(PageWriter out, ColumnDescriptor col, ColumnData data) throws IOException {
        DoubleIds ids = doubleIds;
        boolean dictionaryEncoded = ids.of(data.doubles, data.values);
        int bitWidth = 0;
        if (dictionaryEncoded) {
            dictionary.reset();
            for (int i = 0; i < ids.size; i++) {
                dictionary.writeDoubleLittleEndian(ids.distinct[i]);
            }
            out.writeDictionaryPage(new DictionaryPage(dictionary.bytes(), ids.size, Encoding.PLAIN_DICTIONARY));
            bitWidth = BytesUtils.getWidthFromMaxInt(ids.size - 1);
        }
        double[] v = data.doubles;
        int value = 0;
        for (int row = 0; row < data.rows; row += PAGE_ROWS) {
            int rowEnd = Math.min(data.rows, row + PAGE_ROWS);
            Statistics<?> stats = Statistics.createStats(col.getPrimitiveType());
            int n = levels(col, data, row, rowEnd, value, stats);
            if (n > 0) {
                double min = v[value];
                double max = v[value];
                for (int i = value + 1; i < value + n; i++) {
                    if (Double.compare(v[i], min) < 0) {
                        min = v[i];
                    }
                    if (Double.compare(v[i], max) > 0) {
                        max = v[i];
                    }
                }
                ((DoubleStatistics) stats).updateStats(min);
                ((DoubleStatistics) stats).updateStats(max);
                if (dictionaryEncoded) {
                    page.write(bitWidth);
                    RleHybrid.encode(ids.ids, value, value + n, bitWidth, page);
                } else {
                    page.ensure(n * 8);
                    for (int i = value; i < value + n; i++) {
                        page.writeDoubleLittleEndian(v[i]);
                    }
                }
            }
            value += n;
            writePage(out, col, data, row, rowEnd, stats, dictionaryEncoded && n > 0 ? Encoding.PLAIN_DICTIONARY : Encoding.PLAIN);
        }
    }

    /**
     * Starts a page with the levels of rows {@code [row, rowEnd)} (length-prefixed, as in v1 pages) and
     * counts its nulls into {@code stats}; returns how many of its positions hold a value.
     */
    private int levels(ColumnDescriptor col, ColumnData data, int row, int rowEnd, int firstValue, Statistics<?> stats) {
        page.reset();
        int from = data.rowStart(row);
        int to = data.rowStart(rowEnd);
        int maxRep = col.getMaxRepetitionLevel();
        int maxDef = col.getMaxDefinitionLevel();
        if (maxRep > 0) {
            lengthPrefixed(data.rep, from, to, BytesUtils.getWidthFromMaxInt(maxRep));
        }
        int values = to - from;
        if (maxDef > 0) {
            lengthPrefixed(data.def, from, to, BytesUtils.getWidthFromMaxInt(maxDef));
            values = 0;
            int[] def = data.def;
            for (int p = from; p < to; p++) {
                if (def[p] == maxDef) {
                    values++;
                }
            }
        }
        stats.incrementNumNulls((to - from) - values);
        return values;
    }

    private void lengthPrefixed(int[] levels, int from, int to, int bitWidth) {
        int at = page.size;
        page.writeIntLittleEndian(0);
        RleHybrid.encode(levels, from, to, bitWidth, page);
        page.setIntLittleEndian(at, page.size - at - 4);
    }

    private void writePage(PageWriter out, ColumnDescriptor col, ColumnData data, int row, int rowEnd, Statistics<?> stats,
            Encoding values) throws IOException {
        out.writePage(page.bytes(), data.rowStart(rowEnd) - data.rowStart(row), rowEnd - row, stats,
                col.getMaxRepetitionLevel() == 0 ? Encoding.BIT_PACKED : Encoding.RLE,
                col.getMaxDefinitionLevel() == 0 ? Encoding.BIT_PACKED : Encoding.RLE, values);
    }

    private static int compare(byte[] a, int x, int xLength, int y, int yLength) {
        return Arrays.compareUnsigned(a, x, x + xLength, a, y, y + yLength);
    }

    private static Binary binary(ByteDictionary d, int id) {
        return Binary.fromReusedByteArray(d.arena(), d.start(id), d.length(id));
    }

    /** Dictionary ids of doubles (by their bits), built over reused arrays; false when there are too many distinct values. */
    private static final class DoubleIds {
        long[] keys = new long[16];
        int[] idAt = new int[16];
        /** A slot is taken in this pass when its stamp is the pass's: no clearing between columns. */
        int[] stamp = new int[16];
        int pass;
        double[] distinct = new double[64];
        int[] ids = new int[16];
        int size;

        boolean of(double[] values, int n) {
            int slots = Integer.highestOneBit(Math.max(16, Math.min(n, MAX_DOUBLE_DICTIONARY) * 2 - 1)) << 1;
            if (keys.length < slots) {
                keys = new long[slots];
                idAt = new int[slots];
                stamp = new int[slots];
                pass = 0;
            }
            if (++pass == Integer.MAX_VALUE) {
                Arrays.fill(stamp, 0);
                pass = 1;
            }
            int[] stamp = this.stamp;
            int current = pass;
            if (ids.length < n) {
                ids = new int[n];
            }
            int mask = slots - 1;
            size = 0;
            long lastBits = 0;
            int lastId = -1;
            for (int i = 0; i < n; i++) {
                long bits = Double.doubleToRawLongBits(values[i]);
                if (bits == lastBits && lastId >= 0) {
                    ids[i] = lastId; // sorted rows repeat a sensor's coordinates
                    continue;
                }
                int slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> 40) & mask;
                while (stamp[slot] == current && keys[slot] != bits) {
                    slot = (slot + 1) & mask;
                }
                if (stamp[slot] != current) {
                    if (size == MAX_DOUBLE_DICTIONARY || size * 2 >= slots) {
                        return false;
                    }
                    stamp[slot] = current;
                    keys[slot] = bits;
                    idAt[slot] = size;
                    if (size == distinct.length) {
                        distinct = Arrays.copyOf(distinct, size * 2);
                    }
                    distinct[size++] = values[i];
                }
                ids[i] = idAt[slot];
                lastBits = bits;
                lastId = ids[i];
            }
            return true;
        }
    }
}
