package io.sensoretl.columnar;

import io.sensoretl.reading.Reading;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A batch of curated readings as primitive column vectors: strings as ids into shared
 * {@link ReadingDictionaries}, times as microseconds, values and coordinates as doubles with presence
 * flags, attributes as (key id, value id) pairs per row. What the transform accumulates per partition
 * and {@link io.sensoretl.parquet.ReadingColumnsWriter} writes; no object per row.
 */
public final class ReadingColumns {
    public static final int NO_VALUE = -1;
    private static final byte HAS_LAT = 1;
    private static final byte HAS_LON = 2;

    private ReadingDictionaries dictionaries;
    private int size;
    private int[] sensor;
    private long[] ts;
    private int[] metric;
    private double[] value;
    private int[] unit;
    private double[] lat;
    private double[] lon;
    private byte[] coordinates;
    private int[] sourceKey;
    private int[] runId;
    /** Row r's attributes are pairs [attrEnd[r-1], attrEnd[r]) (from 0 for the first row). */
    private int[] attrEnd;
    private int[] attrKey = new int[16];
    private int[] attrValue = new int[16];
    private int attrCount;

    public ReadingColumns(ReadingDictionaries dictionaries) {
        this(dictionaries, 1024);
    }

    public ReadingColumns(ReadingDictionaries dictionaries, int capacity) {
        this.dictionaries = dictionaries;
        allocate(Math.max(16, capacity));
    }

    private void allocate(int n) {
        sensor = new int[n];
        ts = new long[n];
        metric = new int[n];
        value = new double[n];
        unit = new int[n];
        lat = new double[n];
        lon = new double[n];
        coordinates = new byte[n];
        sourceKey = new int[n];
        runId = new int[n];
        attrEnd = new int[n];
    }

    public ReadingDictionaries dictionaries() {
        return dictionaries;
    }

    public int size() {
        return size;
    }

    /** Bytes held per row by the column arrays (for memory bounds). */
    public static int bytesPerRow() {
        return 4 + 8 + 4 + 8 + 4 + 8 + 8 + 1 + 4 + 4 + 4;
    }

    /** Capacity in rows currently allocated. */
    public int capacity() {
        return sensor.length;
    }

    /**
     * Appends a row; its attributes follow through {@link #addAttribute}. Ids are the dictionaries';
     * {@code unit} may be {@link #NO_VALUE}; an absent coordinate has {@code hasLat}/{@code hasLon} false.
     *
     * @return the row's index
     */
    public int add(int sensorId, long tsMicros, int metricId, double v, int unitId, boolean hasLat, double latitude,
            boolean hasLon, double longitude, int sourceKeyId, int runIdId) {
        if (size == sensor.length) {
            grow();
        }
        int r = size++;
        sensor[r] = sensorId;
        ts[r] = tsMicros;
        metric[r] = metricId;
        value[r] = v;
        unit[r] = unitId;
        lat[r] = latitude;
        lon[r] = longitude;
        coordinates[r] = (byte) ((hasLat ? HAS_LAT : 0) | (hasLon ? HAS_LON : 0));
        sourceKey[r] = sourceKeyId;
        runId[r] = runIdId;
        attrEnd[r] = attrCount;
        return r;
    }

    /** Adds an entry to the attributes of the last row added ({@code valueId} may be {@link #NO_VALUE}). */
    public void addAttribute(int keyId, int valueId) {
        if (attrCount == attrKey.length) {
            attrKey = Arrays.copyOf(attrKey, attrCount * 2);
            attrValue = Arrays.copyOf(attrValue, attrCount * 2);
        }
        attrKey[attrCount] = keyId;
        attrValue[attrCount] = valueId;
        attrCount++;
        attrEnd[size - 1] = attrCount;
    }

    /** Appends a reading made of objects (the reference path's output), interning its strings. */
    public int add(Reading r) {
        ReadingDictionaries d = dictionaries;
        int row = add(d.sensorIds.intern(r.sensorId()), r.tsMicros(), d.metrics.intern(r.metric()), r.value(),
                r.unit() == null ? NO_VALUE : d.units.intern(r.unit()), r.lat() != null, r.lat() == null ? 0 : r.lat(),
                r.lon() != null, r.lon() == null ? 0 : r.lon(), d.sourceKeys.intern(r.sourceKey()), d.runIds.intern(r.runId()));
        for (Map.Entry<String, String> e : r.attributes().entrySet()) {
            addAttribute(d.attributeKeys.intern(e.getKey()),
                    e.getValue() == null ? NO_VALUE : d.attributeValues.intern(e.getValue()));
        }
        return row;
    }

    private void grow() {
        resize(sensor.length * 2);
    }

    /** Grows the arrays to hold {@code rows} rows: for a caller with its own growth policy ({@link #add} doubles). */
    public void growTo(int rows) {
        if (rows > sensor.length) {
            resize(rows);
        }
    }

    /**
     * Copies this batch's rows into the arrays of {@code empty}, an empty batch with larger arrays, and
     * gives it this batch's arrays in exchange: capacity passes from a batch that no longer needs it to
     * one that does, without allocating.
     */
    public void takeArraysOf(ReadingColumns empty) {
        if (empty.size != 0 || empty.capacity() < size) {
            throw new IllegalArgumentException("not an empty batch with room for " + size + " rows");
        }
        int n = size;
        System.arraycopy(sensor, 0, empty.sensor, 0, n);
        System.arraycopy(ts, 0, empty.ts, 0, n);
        System.arraycopy(metric, 0, empty.metric, 0, n);
        System.arraycopy(value, 0, empty.value, 0, n);
        System.arraycopy(unit, 0, empty.unit, 0, n);
        System.arraycopy(lat, 0, empty.lat, 0, n);
        System.arraycopy(lon, 0, empty.lon, 0, n);
        System.arraycopy(coordinates, 0, empty.coordinates, 0, n);
        System.arraycopy(sourceKey, 0, empty.sourceKey, 0, n);
        System.arraycopy(runId, 0, empty.runId, 0, n);
        System.arraycopy(attrEnd, 0, empty.attrEnd, 0, n);
        if (empty.attrKey.length < attrCount) {
            empty.attrKey = Arrays.copyOf(empty.attrKey, attrCount);
            empty.attrValue = Arrays.copyOf(empty.attrValue, attrCount);
        }
        System.arraycopy(attrKey, 0, empty.attrKey, 0, attrCount);
        System.arraycopy(attrValue, 0, empty.attrValue, 0, attrCount);
        exchangeRowArrays(empty);
        int[] i = attrKey; attrKey = empty.attrKey; empty.attrKey = i;
        i = attrValue; attrValue = empty.attrValue; empty.attrValue = i;
    }

    /**
     * Exchanges arrays with {@code other}, each batch keeping its own rows: the rows are swapped in place
     * and the arrays change hands, so a batch that needs room takes the larger arrays of one that does not,
     * without allocating. Each batch's rows must fit the other's arrays.
     */
    public void swapArraysWith(ReadingColumns other) {
        if (other.size > capacity() || size > other.capacity()) {
            throw new IllegalArgumentException("rows do not fit: " + size + " and " + other.size + " rows, capacities "
                    + capacity() + " and " + other.capacity());
        }
        int n = Math.max(size, other.size);
        for (int r = 0; r < n; r++) {
            int i = sensor[r]; sensor[r] = other.sensor[r]; other.sensor[r] = i;
            long l = ts[r]; ts[r] = other.ts[r]; other.ts[r] = l;
            i = metric[r]; metric[r] = other.metric[r]; other.metric[r] = i;
            double d = value[r]; value[r] = other.value[r]; other.value[r] = d;
            i = unit[r]; unit[r] = other.unit[r]; other.unit[r] = i;
            d = lat[r]; lat[r] = other.lat[r]; other.lat[r] = d;
            d = lon[r]; lon[r] = other.lon[r]; other.lon[r] = d;
            byte b = coordinates[r]; coordinates[r] = other.coordinates[r]; other.coordinates[r] = b;
            i = sourceKey[r]; sourceKey[r] = other.sourceKey[r]; other.sourceKey[r] = i;
            i = runId[r]; runId[r] = other.runId[r]; other.runId[r] = i;
            i = attrEnd[r]; attrEnd[r] = other.attrEnd[r]; other.attrEnd[r] = i;
        }
        // attribute pairs stay with their batch (their arrays grow on their own)
        exchangeRowArrays(other);
    }

    /** Gives this batch's per-row arrays to {@code other} and takes its (attribute pairs are not per row). */
    private void exchangeRowArrays(ReadingColumns other) {
        int[] i;
        long[] l;
        double[] d;
        i = sensor; sensor = other.sensor; other.sensor = i;
        l = ts; ts = other.ts; other.ts = l;
        i = metric; metric = other.metric; other.metric = i;
        d = value; value = other.value; other.value = d;
        i = unit; unit = other.unit; other.unit = i;
        d = lat; lat = other.lat; other.lat = d;
        d = lon; lon = other.lon; other.lon = d;
        byte[] b = coordinates; coordinates = other.coordinates; other.coordinates = b;
        i = sourceKey; sourceKey = other.sourceKey; other.sourceKey = i;
        i = runId; runId = other.runId; other.runId = i;
        i = attrEnd; attrEnd = other.attrEnd; other.attrEnd = i;
    }

    private void resize(int n) {
        sensor = Arrays.copyOf(sensor, n);
        ts = Arrays.copyOf(ts, n);
        metric = Arrays.copyOf(metric, n);
        value = Arrays.copyOf(value, n);
        unit = Arrays.copyOf(unit, n);
        lat = Arrays.copyOf(lat, n);
        lon = Arrays.copyOf(lon, n);
        coordinates = Arrays.copyOf(coordinates, n);
        sourceKey = Arrays.copyOf(sourceKey, n);
        runId = Arrays.copyOf(runId, n);
        attrEnd = Arrays.copyOf(attrEnd, n);
    }

    /** Empties the batch, keeping its arrays (a batch is reused for the partition's next rows). */
    public void clear() {
        size = 0;
        attrCount = 0;
    }

    /** This batch, emptied, for new rows over other dictionaries (its arrays are reused). */
    public ReadingColumns reuse(ReadingDictionaries other) {
        clear();
        this.dictionaries = other;
        return this;
    }

    /** Empties the batch and lets its arrays go (back to a small capacity). */
    public void release() {
        clear();
        allocate(16);
        attrKey = new int[16];
        attrValue = new int[16];
    }

    public int sensor(int r) {
        return sensor[r];
    }

    public long ts(int r) {
        return ts[r];
    }

    public int metric(int r) {
        return metric[r];
    }

    public double value(int r) {
        return value[r];
    }

    public int unit(int r) {
        return unit[r];
    }

    public boolean hasLat(int r) {
        return (coordinates[r] & HAS_LAT) != 0;
    }

    public double lat(int r) {
        return lat[r];
    }

    public boolean hasLon(int r) {
        return (coordinates[r] & HAS_LON) != 0;
    }

    public double lon(int r) {
        return lon[r];
    }

    public int sourceKey(int r) {
        return sourceKey[r];
    }

    public int runId(int r) {
        return runId[r];
    }

    public int attributesFrom(int r) {
        return r == 0 ? 0 : attrEnd[r - 1];
    }

    public int attributesTo(int r) {
        return attrEnd[r];
    }

    public int attributeKey(int i) {
        return attrKey[i];
    }

    public int attributeValue(int i) {
        return attrValue[i];
    }

    /** Row {@code r} as a {@link Reading} (tests and tools; the write path never builds one). */
    public Reading reading(int r) {
        ReadingDictionaries d = dictionaries;
        Map<String, String> attrs = new LinkedHashMap<>();
        for (int i = attributesFrom(r); i < attributesTo(r); i++) {
            attrs.put(d.attributeKeys.string(attrKey[i]), attrValue[i] == NO_VALUE ? null : d.attributeValues.string(attrValue[i]));
        }
        return new Reading(d.sensorIds.string(sensor[r]), ts[r], d.metrics.string(metric[r]), value[r],
                unit[r] == NO_VALUE ? null : d.units.string(unit[r]), hasLat(r) ? lat[r] : null, hasLon(r) ? lon[r] : null,
                attrs, d.sourceKeys.string(sourceKey[r]), d.runIds.string(runId[r]));
    }
}
