package io.sensoretl.validate;

/**
 * Remembers the dedupe-key fingerprints of the last {@code capacity} readings: duplicates in sensor
 * dumps are re-sent messages, close to their original, so a bounded window finds them with memory
 * that does not grow with the chunk. An open-addressing table of longs (no boxing) with a FIFO ring
 * for eviction; 64-bit fingerprints make a false "duplicate" practically impossible.
 */
final class RecentKeys {
    private static final long EMPTY = 0L;

    /**
     * The arrays of the last window released on this thread: a warm Lambda or the benchmark transforms
     * chunk after chunk, and the window's arrays (megabytes) are then reused instead of reallocated.
     */
    private static final ThreadLocal<long[][]> RELEASED = new ThreadLocal<>();

    private final long[] ring;
    private final long[] table;
    private final int mask;
    private int next;
    private int size;

    RecentKeys(int capacity) {
        int slots = Integer.highestOneBit(Math.max(4, capacity * 2 - 1)) << 1;
        long[][] kept = RELEASED.get();
        if (kept != null && kept[0].length == Math.max(capacity, 1) && kept[1].length == slots) {
            RELEASED.remove();
            this.ring = kept[0];
            this.table = kept[1];
            java.util.Arrays.fill(table, EMPTY);
        } else {
            this.ring = new long[Math.max(capacity, 1)];
            this.table = new long[slots];
        }
        this.mask = slots - 1;
    }

    /** The window is no longer used: its arrays may serve the next window of this thread. */
    void release() {
        RELEASED.set(new long[][] {ring, table});
    }

    /** Adds the fingerprint; returns false when it is already in the window. */
    boolean add(long fingerprint) {
        long fp = fingerprint == EMPTY ? 1L : fingerprint;
        long[] t = table;
        int m = mask;
        int i = slot(fp);
        long e;
        while ((e = t[i]) != EMPTY) {
            if (e == fp) {
                return false;
            }
            i = (i + 1) & m;
        }
        if (size == ring.length) {
            // evicting the oldest may shift entries backwards, so the free slot is looked for again
            remove(ring[next]);
            i = slot(fp);
            while (t[i] != EMPTY) {
                i = (i + 1) & m;
            }
        } else {
            size++;
        }
        t[i] = fp;
        ring[next] = fp;
        // no modulo: an integer division per reading costs more than this branch
        next = next + 1 == ring.length ? 0 : next + 1;
        return true;
    }

    /** Linear-probing deletion with backward shift, so no tombstones accumulate. */
    private void remove(long fp) {
        int i = slot(fp);
        while (table[i] != fp) {
            if (table[i] == EMPTY) {
                return;
            }
            i = (i + 1) & mask;
        }
        int gap = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (table[j] == EMPTY) {
                break;
            }
            int home = slot(table[j]);
            boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
            if (movable) {
                table[gap] = table[j];
                gap = j;
            }
        }
        table[gap] = EMPTY;
    }

    private int slot(long fp) {
        long h = fp * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }
}
