package io.sensoretl.columnar;

/**
 * The string columns' dictionaries of a set of {@link ReadingColumns} batches (all partitions of a
 * chunk share one set, so an id means the same string in each).
 */
public final class ReadingDictionaries {
    /** Past this many entries or bytes in one dictionary the owner should write its batches and {@link #clear}. */
    public static final int MAX_ENTRIES = 1 << 18;
    public static final int MAX_BYTES = 16 << 20;

    /** Set when any dictionary reaches {@link #MAX_ENTRIES} or {@link #MAX_BYTES}: asked after every record. */
    private final ByteDictionary.Limits limits = new ByteDictionary.Limits(MAX_ENTRIES, MAX_BYTES);

    public final ByteDictionary sensorIds = new ByteDictionary(limits);
    public final ByteDictionary metrics = new ByteDictionary(limits);
    public final ByteDictionary units = new ByteDictionary(limits);
    public final ByteDictionary attributeKeys = new ByteDictionary(limits);
    public final ByteDictionary attributeValues = new ByteDictionary(limits);
    public final ByteDictionary sourceKeys = new ByteDictionary(limits);
    public final ByteDictionary runIds = new ByteDictionary(limits);

    private final ByteDictionary[] all = {sensorIds, metrics, units, attributeKeys, attributeValues, sourceKeys, runIds};

    /** Whether a dictionary holds {@link #MAX_ENTRIES} entries or {@link #MAX_BYTES} bytes. */
    public boolean full() {
        return limits.reached();
    }

    private int generation;

    public void clear() {
        for (ByteDictionary d : all) {
            d.clear();
        }
        limits.reset();
        generation++;
    }

    /** Changes at every {@link #clear}: ids cached before are then stale. */
    public int generation() {
        return generation;
    }
}
