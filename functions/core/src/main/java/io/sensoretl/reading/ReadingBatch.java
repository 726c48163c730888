package io.sensoretl.reading;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Readings as column vectors: what compaction reads, sorts, merges and writes, without an object per
 * row. Strings are UTF-8 byte arrays, mostly canonical ones from a {@link Utf8Pool} (so equal values
 * are usually the same array), compared as unsigned bytes: the order Parquet statistics, DuckDB and
 * Athena use for strings.
 *
 * <p>A row's attributes are the entries {@code attrStart[i] .. attrStart[i + 1] - 1} of
 * {@link #attrKey} / {@link #attrValue}; an absent unit, latitude or longitude is {@code null} /
 * a cleared flag.
 */
public final class ReadingBatch {
    private int size;
    private int attrSize;

    public byte[][] sensorId;
    public long[] ts;
    public byte[][] metric;
    public double[] value;
    public byte[][] unit;
    public double[] lat;
    public double[] lon;
    public boolean[] hasLat;
    public boolean[] hasLon;
    /** {@code size + 1} offsets into the attribute entries. */
    public int[] attrStart;
    public byte[][] attrKey;
    public byte[][] attrValue;
    public byte[][] sourceKey;
    public byte[][] runId;

    public ReadingBatch(int capacity) {
        int c = Math.max(1, capacity);
        sensorId = new byte[c][];
        ts = new long[c];
        metric = new byte[c][];
        value = new double[c];
        unit = new byte[c][];
        lat = new double[c];
        lon = new double[c];
        hasLat = new boolean[c];
        hasLon = new boolean[c];
        attrStart = new int[c + 1];
        attrKey = new byte[16][];
        attrValue = new byte[16][];
        sourceKey = new byte[c][];
        runId = new byte[c][];
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return ts.length;
    }

    public boolean isFull() {
        return size == ts.length;
    }

    /** Forgets every row; the arrays are kept (string references too, until overwritten). */
    public void clear() {
        size = 0;
        attrSize = 0;
        attrStart[0] = 0;
    }

    /** Rough heap bytes per row, for sort budgets: the vectors plus the row's share of attribute entries. */
    public static long bytesPerRow() {
        return 8 * 5 + 4 * 6 + 2 + 4 + 24;
    }

    /**
     * Starts row {@code size()} with its required and optional scalar fields; attributes follow with
     * {@link #addAttribute} and the row is completed by {@link #endRow()}.
     */
    public void startRow(byte[] sensor, long tsMicros, byte[] metricName, double v, byte[] unitName,
                         boolean withLat, double latitude, boolean withLon, double longitude, byte[] source, byte[] run) {
        ensureCapacity(size + 1);
        int i = size;
        sensorId[i] = sensor;
        ts[i] = tsMicros;
        metric[i] = metricName;
        value[i] = v;
        unit[i] = unitName;
        hasLat[i] = withLat;
        lat[i] = withLat ? latitude : 0;
        hasLon[i] = withLon;
        lon[i] = withLon ? longitude : 0;
        sourceKey[i] = source;
        runId[i] = run;
    }

    public void addAttribute(byte[] key, byte[] val) {
        if (attrSize == attrKey.length) {
            attrKey = Arrays.copyOf(attrKey, attrSize * 2);
            attrValue = Arrays.copyOf(attrValue, attrSize * 2);
        }
        attrKey[attrSize] = key;
        attrValue[attrSize] = val;
        attrSize++;
    }

    public void endRow() {
        size++;
        attrStart[size] = attrSize;
    }

    /** Appends row {@code i} of {@code src}. */
    public void append(ReadingBatch src, int i) {
        startRow(src.sensorId[i], src.ts[i], src.metric[i], src.value[i], src.unit[i], src.hasLat[i], src.lat[i],
                src.hasLon[i], src.lon[i], src.sourceKey[i], src.runId[i]);
        for (int a = src.attrStart[i], end = src.attrStart[i + 1]; a < end; a++) {
            addAttribute(src.attrKey[a], src.attrValue[a]);
        }
        endRow();
    }

    /** Appends every row of {@code src}, column by column. */
    public void appendAll(ReadingBatch src) {
        int n = src.size;
        if (n == 0) {
            return;
        }
        ensureCapacity(size + n);
        System.arraycopy(src.sensorId, 0, sensorId, size, n);
        System.arraycopy(src.ts, 0, ts, size, n);
        System.arraycopy(src.metric, 0, metric, size, n);
        System.arraycopy(src.value, 0, value, size, n);
        System.arraycopy(src.unit, 0, unit, size, n);
        System.arraycopy(src.lat, 0, lat, size, n);
        System.arraycopy(src.lon, 0, lon, size, n);
        System.arraycopy(src.hasLat, 0, hasLat, size, n);
        System.arraycopy(src.hasLon, 0, hasLon, size, n);
        System.arraycopy(src.sourceKey, 0, sourceKey, size, n);
        System.arraycopy(src.runId, 0, runId, size, n);
        int entries = src.attrSize;
        if (attrSize + entries > attrKey.length) {
            attrKey = Arrays.copyOf(attrKey, Math.max(attrSize + entries, attrKey.length * 2));
            attrValue = Arrays.copyOf(attrValue, attrKey.length);
        }
        System.arraycopy(src.attrKey, 0, attrKey, attrSize, entries);
        System.arraycopy(src.attrValue, 0, attrValue, attrSize, entries);
        for (int i = 1; i <= n; i++) {
            attrStart[size + i] = attrSize + src.attrStart[i];
        }
        size += n;
        attrSize += entries;
    }

    /** Appends a reading, interning its strings in {@code pool}. */
    public void append(Reading r, Utf8Pool pool) {
        startRow(pool.intern(r.sensorId()), r.tsMicros(), pool.intern(r.metric()), r.value(), pool.intern(r.unit()),
                r.lat() != null, r.lat() == null ? 0 : r.lat(), r.lon() != null, r.lon() == null ? 0 : r.lon(),
                pool.intern(r.sourceKey()), pool.intern(r.runId()));
        for (Map.Entry<String, String> e : r.attributes().entrySet()) {
            addAttribute(pool.intern(e.getKey()), e.getValue() == null ? null : e.getValue().getBytes(StandardCharsets.UTF_8));
        }
        endRow();
    }

    public int attributeCount(int i) {
        return attrStart[i + 1] - attrStart[i];
    }

    /** Row {@code i} as a {@link Reading} (tests, and writers that take objects). */
    public Reading toReading(int i, Utf8Pool pool) {
        Map<String, String> attributes = Map.of();
        if (attributeCount(i) > 0) {
            attributes = new LinkedHashMap<>();
            for (int a = attrStart[i], end = attrStart[i + 1]; a < end; a++) {
                attributes.put(pool.string(attrKey[a]), attrValue[a] == null ? null
                        : new String(attrValue[a], StandardCharsets.UTF_8));
            }
        }
        return new Reading(pool.string(sensorId[i]), ts[i], pool.string(metric[i]), value[i], pool.string(unit[i]),
                hasLat[i] ? lat[i] : null, hasLon[i] ? lon[i] : null, attributes, pool.string(sourceKey[i]),
                pool.string(runId[i]));
    }

    private void ensureCapacity(int rows) {
        if (rows <= ts.length) {
            return;
        }
        int c = Math.max(rows, ts.length * 2);
        sensorId = Arrays.copyOf(sensorId, c);
        ts = Arrays.copyOf(ts, c);
        metric = Arrays.copyOf(metric, c);
        value = Arrays.copyOf(value, c);
        unit = Arrays.copyOf(unit, c);
        lat = Arrays.copyOf(lat, c);
        lon = Arrays.copyOf(lon, c);
        hasLat = Arrays.copyOf(hasLat, c);
        hasLon = Arrays.copyOf(hasLon, c);
        attrStart = Arrays.copyOf(attrStart, c + 1);
        sourceKey = Arrays.copyOf(sourceKey, c);
        runId = Arrays.copyOf(runId, c);
    }

    // ---- order -------------------------------------------------------------------------------

    /** Unsigned byte order of two UTF-8 strings (= code point order); the same array compares equal at once. */
    public static int compareUtf8(byte[] a, byte[] b) {
        if (a == b) {
            return 0;
        }
        if (a == null) {
            return -1;
        }
        if (b == null) {
            return 1;
        }
        return Arrays.compareUnsigned(a, b);
    }

    /** The curated sort key: {@code (sensor_id, ts)}. */
    public static int compareKey(ReadingBatch a, int i, ReadingBatch b, int j) {
        int c = compareUtf8(a.sensorId[i], b.sensorId[j]);
        return c != 0 ? c : Long.compare(a.ts[i], b.ts[j]);
    }

    /**
     * The sort key, then metric, run, source key and value: ties broken the same way on every
     * re-run, so the same inputs give the same bytes.
     */
    public static int compareFull(ReadingBatch a, int i, ReadingBatch b, int j) {
        int c = compareKey(a, i, b, j);
        if (c != 0) {
            return c;
        }
        c = compareUtf8(a.metric[i], b.metric[j]);
        if (c != 0) {
            return c;
        }
        c = compareUtf8(a.runId[i], b.runId[j]);
        if (c != 0) {
            return c;
        }
        c = compareUtf8(a.sourceKey[i], b.sourceKey[j]);
        return c != 0 ? c : Double.compare(a.value[i], b.value[j]);
    }
}
