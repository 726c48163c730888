package io.sensoretl.columnar;

/**
 * The string columns' dictionaries of a set of {@link ReadingColumns} batches (all partitions of a
 * chunk share one set, so an id means the same string in each).
 */
public final class ReadingDictionaries {
    /** Past this many entries or bytes in one dictionary the owner should write its batches and {@link #clear}. */
    public static final int MAX_ENTRIES = 1 << 18;
    public static final int MAX_BYTES = 16 << 20;

    public final ByteDictionary sensorIds = new ByteDictionary();
    public final ByteDictionary metrics = new ByteDictionary();
    public final ByteDictionary units = new ByteDictionary();
    public final ByteDictionary attributeKeys = new ByteDictionary();
    public final ByteDictionary attributeValues = new ByteDictionary();
    public final ByteDictionary sourceKeys = new ByteDictionary();
    public final ByteDictionary runIds = new ByteDictionary();

    private final ByteDictionary[] all = {sensorIds, metrics, units, attributeKeys, attributeValues, sourceKeys, runIds};

    private ByteDictionary[] all() {
        return all;
    }

    public boolean full() {
        for (ByteDictionary d : all) {
            if (d.size() >= MAX_ENTRIES || d.bytes() >= MAX_BYTES) {
                return true;
            }
        }
        return false;
    }

    private int generation;

    public void clear() {
        for (ByteDictionary d : all()) {
            d.clear();
        }
        generation++;
    }

    /** Changes at every {@link #clear}: ids cached before are then stale. */
    public int generation() {
        return generation;
    }
}
