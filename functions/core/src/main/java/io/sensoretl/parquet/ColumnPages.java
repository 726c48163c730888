package io.sensoretl.parquet;

import io.sensoretl.columnar.ByteDictionary;
import io.sensoretl.columnar.ReadingSort.Ranks;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForLong;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.io.api.Binary;

/**
 * Encodes a {@link ColumnData} into Parquet v1 data pages through parquet-java's page writer: levels
 * RLE/bit-packed, strings as dictionary ids (the dictionary in byte order, so a page's min and max are
 * its smallest and largest id), int64 as DELTA_BINARY_PACKED, doubles dictionary-encoded while few
 * distinct values, else PLAIN. Statistics per page come from the values directly.
 */
final class ColumnPages {
    /** Rows per data page (parquet-java's default page row limit): the granularity of the column index. */
    static final int PAGE_ROWS = 20_000;
    /** Largest double dictionary kept (parquet-java's default dictionary page limit is 1 MiB, i.e. 131,072 doubles). */
    static final int MAX_DOUBLE_DICTIONARY = 1 << 16;

    private static final VarHandle DOUBLES = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final HeapByteBufferAllocator HEAP = HeapByteBufferAllocator.getInstance();

    private ColumnPages() {}

    /** A string column whose values are ranks into {@code ranks} (dictionary ids in byte order). */
    static void dictionaryStrings(PageWriter out, ColumnDescriptor col, ColumnData data, ByteDictionary dictionary,
            Ranks ranks) throws IOException {
        int size = ranks.used();
        if (size == 0) {
            writePages(out, col, data, Kind.NONE, 0, null, null);
            return;
        }
        int length = 0;
        for (int r = 0; r < size; r++) {
            length += 4 + dictionary.length(ranks.id(r));
        }
        byte[] page = new byte[length];
        int at = 0;
        byte[] arena = dictionary.arena();
        for (int r = 0; r < size; r++) {
            int id = ranks.id(r);
            int len = dictionary.length(id);
            INTS.set(page, at, len);
            System.arraycopy(arena, dictionary.start(id), page, at + 4, len);
            at += 4 + len;
        }
        out.writeDictionaryPage(new DictionaryPage(BytesInput.from(page), size, Encoding.PLAIN_DICTIONARY));
        writePages(out, col, data, Kind.STRING_IDS, BytesUtils.getWidthFromMaxInt(size - 1), dictionary, ranks);
    }

    /** Byte strings stored as they are (PLAIN): long, mostly distinct text such as a reject's raw record. */
    static void plainBytes(PageWriter out, ColumnDescriptor col, ColumnData data) throws IOException {
        writePages(out, col, data, Kind.PLAIN_BYTES, 0, null, null);
    }

    static void deltaLongs(PageWriter out, ColumnDescriptor col, ColumnData data) throws IOException {
        writePages(out, col, data, Kind.DELTA_LONGS, 0, null, null);
    }

    /** Doubles as dictionary ids when they have few distinct values, else PLAIN. */
    static void doubles(PageWriter out, ColumnDescriptor col, ColumnData data) throws IOException {
        DoubleIds ids = DoubleIds.of(data.doubles, data.values);
        if (ids == null) {
            writePages(out, col, data, Kind.PLAIN_DOUBLES, 0, null, null);
            return;
        }
        byte[] page = new byte[ids.size * 8];
        for (int i = 0; i < ids.size; i++) {
            DOUBLES.set(page, i * 8, ids.distinct[i]);
        }
        out.writeDictionaryPage(new DictionaryPage(BytesInput.from(page), ids.size, Encoding.PLAIN_DICTIONARY));
        if (data.ints.length < data.values) {
            data.ints = new int[data.values];
        }
        System.arraycopy(ids.ids, 0, data.ints, 0, data.values);
        writePages(out, col, data, Kind.DOUBLE_IDS, BytesUtils.getWidthFromMaxInt(ids.size - 1), null, null);
    }

    private enum Kind { NONE, STRING_IDS, DELTA_LONGS, PLAIN_DOUBLES, DOUBLE_IDS, PLAIN_BYTES }

    private static void writePages(PageWriter out, ColumnDescriptor col, ColumnData data, Kind kind, int idBits,
            ByteDictionary dictionary, Ranks ranks) throws IOException {
        int maxRep = col.getMaxRepetitionLevel();
        int maxDef = col.getMaxDefinitionLevel();
        RunLengthBitPackingHybridEncoder repLevels = maxRep == 0 ? null : encoder(BytesUtils.getWidthFromMaxInt(maxRep));
        RunLengthBitPackingHybridEncoder defLevels = maxDef == 0 ? null : encoder(BytesUtils.getWidthFromMaxInt(maxDef));
        RunLengthBitPackingHybridEncoder ids = kind == Kind.STRING_IDS || kind == Kind.DOUBLE_IDS ? encoder(idBits) : null;
        DeltaBinaryPackingValuesWriterForLong deltas = kind == Kind.DELTA_LONGS
                ? new DeltaBinaryPackingValuesWriterForLong(64 * 1024, 1 << 20, HEAP) : null;
        Encoding valueEncoding = switch (kind) {
            case STRING_IDS, DOUBLE_IDS -> Encoding.PLAIN_DICTIONARY;
            case DELTA_LONGS -> Encoding.DELTA_BINARY_PACKED;
            default -> Encoding.PLAIN;
        };
        int value = 0;
        for (int row = 0; row < data.rows; row += PAGE_ROWS) {
            int rowEnd = Math.min(data.rows, row + PAGE_ROWS);
            int from = data.rowStart(row);
            int to = data.rowStart(rowEnd);
            Statistics<?> stats = Statistics.createStats(col.getPrimitiveType());
            int firstValue = value;
            long nulls = 0;
            for (int p = from; p < to; p++) {
                if (repLevels != null) {
                    repLevels.writeInt(data.rep[p]);
                }
                if (defLevels != null) {
                    defLevels.writeInt(data.def[p]);
                }
                if (data.def[p] == maxDef) {
                    value++;
                } else {
                    nulls++;
                }
            }
            int n = value - firstValue;
            stats.incrementNumNulls(nulls);
            BytesInput values = switch (kind) {
                case NONE -> BytesInput.empty();
                case STRING_IDS -> {
                    int min = Integer.MAX_VALUE;
                    int max = -1;
                    for (int i = firstValue; i < value; i++) {
                        int v = data.ints[i];
                        ids.writeInt(v);
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                    if (n > 0) {
                        stats.updateStats(binary(dictionary, ranks.id(min)));
                        stats.updateStats(binary(dictionary, ranks.id(max)));
                    }
                    yield BytesInput.concat(BytesInput.from(new byte[] {(byte) idBits}), ids.toBytes());
                }
                case DOUBLE_IDS -> {
                    for (int i = firstValue; i < value; i++) {
                        ids.writeInt(data.ints[i]);
                    }
                    doubleStats(stats, data.doubles, firstValue, value);
                    yield BytesInput.concat(BytesInput.from(new byte[] {(byte) idBits}), ids.toBytes());
                }
                case PLAIN_BYTES -> {
                    int length = 0;
                    int min = -1;
                    int max = -1;
                    byte[] a = data.arena;
                    for (int i = firstValue; i < value; i++) {
                        length += 4 + data.lengths[i];
                        if (min < 0 || compare(a, data.ints[i], data.lengths[i], data.ints[min], data.lengths[min]) < 0) {
                            min = i;
                        }
                        if (max < 0 || compare(a, data.ints[i], data.lengths[i], data.ints[max], data.lengths[max]) > 0) {
                            max = i;
                        }
                    }
                    byte[] b = new byte[length];
                    int at = 0;
                    for (int i = firstValue; i < value; i++) {
                        INTS.set(b, at, data.lengths[i]);
                        System.arraycopy(a, data.ints[i], b, at + 4, data.lengths[i]);
                        at += 4 + data.lengths[i];
                    }
                    if (n > 0) {
                        stats.updateStats(Binary.fromReusedByteArray(a, data.ints[min], data.lengths[min]));
                        stats.updateStats(Binary.fromReusedByteArray(a, data.ints[max], data.lengths[max]));
                    }
                    yield BytesInput.from(b);
                }
                case PLAIN_DOUBLES -> {
                    byte[] b = new byte[n * 8];
                    for (int i = 0; i < n; i++) {
                        DOUBLES.set(b, i * 8, data.doubles[firstValue + i]);
                    }
                    doubleStats(stats, data.doubles, firstValue, value);
                    yield BytesInput.from(b);
                }
                case DELTA_LONGS -> {
                    long min = Long.MAX_VALUE;
                    long max = Long.MIN_VALUE;
                    for (int i = firstValue; i < value; i++) {
                        long v = data.longs[i];
                        deltas.writeLong(v);
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                    if (n > 0) {
                        ((org.apache.parquet.column.statistics.LongStatistics) stats).updateStats(min);
                        ((org.apache.parquet.column.statistics.LongStatistics) stats).updateStats(max);
                    }
                    yield deltas.getBytes();
                }
            };
            BytesInput body = BytesInput.concat(levels(repLevels), levels(defLevels), values);
            out.writePage(body, to - from, rowEnd - row, stats,
                    repLevels == null ? Encoding.BIT_PACKED : Encoding.RLE,
                    defLevels == null ? Encoding.BIT_PACKED : Encoding.RLE, valueEncoding);
            if (repLevels != null) {
                repLevels.reset();
            }
            if (defLevels != null) {
                defLevels.reset();
            }
            if (ids != null) {
                ids.reset();
            }
            if (deltas != null) {
                deltas.reset();
            }
        }
        close(repLevels);
        close(defLevels);
        close(ids);
        if (deltas != null) {
            deltas.close();
        }
    }

    private static void doubleStats(Statistics<?> stats, double[] v, int from, int to) {
        if (from == to) {
            return;
        }
        double min = v[from];
        double max = v[from];
        for (int i = from + 1; i < to; i++) {
            if (Double.compare(v[i], min) < 0) {
                min = v[i];
            }
            if (Double.compare(v[i], max) > 0) {
                max = v[i];
            }
        }
        ((org.apache.parquet.column.statistics.DoubleStatistics) stats).updateStats(min);
        ((org.apache.parquet.column.statistics.DoubleStatistics) stats).updateStats(max);
    }

    private static int compare(byte[] a, int x, int xLength, int y, int yLength) {
        return Arrays.compareUnsigned(a, x, x + xLength, a, y, y + yLength);
    }

    private static Binary binary(ByteDictionary d, int id) {
        return Binary.fromReusedByteArray(d.arena(), d.start(id), d.length(id));
    }

    private static RunLengthBitPackingHybridEncoder encoder(int bitWidth) {
        return new RunLengthBitPackingHybridEncoder(bitWidth, 4096, 1 << 20, HEAP);
    }

    /** V1 pages prefix each level run with its byte length. */
    private static BytesInput levels(RunLengthBitPackingHybridEncoder e) throws IOException {
        if (e == null) {
            return BytesInput.empty();
        }
        BytesInput rle = e.toBytes();
        return BytesInput.concat(BytesInput.fromInt((int) rle.size()), rle);
    }

    private static void close(RunLengthBitPackingHybridEncoder e) {
        if (e != null) {
            e.close();
        }
    }

    /** Dictionary ids of doubles (by their bits), or null when there are too many distinct values. */
    private static final class DoubleIds {
        final double[] distinct;
        final int[] ids;
        final int size;

        private DoubleIds(double[] distinct, int[] ids, int size) {
            this.distinct = distinct;
            this.ids = ids;
            this.size = size;
        }

        static DoubleIds of(double[] values, int n) {
            int slots = Integer.highestOneBit(Math.max(16, Math.min(n, MAX_DOUBLE_DICTIONARY) * 2 - 1)) << 1;
            long[] keys = new long[slots];
            int[] idAt = new int[slots];
            Arrays.fill(idAt, -1);
            int mask = slots - 1;
            double[] distinct = new double[Math.min(n, 64)];
            int[] ids = new int[n];
            int size = 0;
            for (int i = 0; i < n; i++) {
                long bits = Double.doubleToRawLongBits(values[i]);
                int slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> 40) & mask;
                while (idAt[slot] >= 0 && keys[slot] != bits) {
                    slot = (slot + 1) & mask;
                }
                if (idAt[slot] < 0) {
                    if (size == MAX_DOUBLE_DICTIONARY || size * 2 >= slots) {
                        return null;
                    }
                    keys[slot] = bits;
                    idAt[slot] = size;
                    if (size == distinct.length) {
                        distinct = Arrays.copyOf(distinct, size * 2);
                    }
                    distinct[size++] = values[i];
                }
                ids[i] = idAt[slot];
            }
            return new DoubleIds(distinct, ids, size);
        }
    }
}
