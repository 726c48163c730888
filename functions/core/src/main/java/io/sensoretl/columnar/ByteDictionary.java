package io.sensoretl.columnar;

import io.sensoretl.decode.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Distinct byte strings, each with a dense id, found by their bytes: no String or array per lookup.
 * A chunk meets the same sensor ids, metrics and units millions of times; this recognises them in the
 * record's bytes and lets the caller attach what it derived from an entry once (its rule outcome, its
 * hash, its String) to the id. Entries live in one growing byte arena; an open-addressing table of ids
 * finds them.
 */
public final class ByteDictionary {
    private byte[] arena = new byte[1 << 12];
    private int arenaUsed;
    private int[] starts = new int[64];
    private int[] lengths = new int[64];
    private int[] hashes = new int[64];
    /** Each entry's first 16 bytes as two words: most entries are compared by these alone. */
    private long[] word0 = new long[64];
    private long[] word1 = new long[64];
    private String[] strings = new String[64];
    private int size;
    /** id + 1 per slot, 0 = empty. */
    private int[] table = new int[128];
    private int mask = 127;
    /** Told when this dictionary reaches its limits (checked only when an entry is added), or null. */
    private final Limits limits;

    /**
     * Entry and byte limits shared by several dictionaries: {@link #reached} turns true when one of them
     * reaches either, so an owner that asks after every record reads one field instead of every dictionary.
     */
    public static final class Limits {
        private final int entries;
        private final int bytes;
        private boolean reached;

        public Limits(int entries, int bytes) {
            this.entries = entries;
            this.bytes = bytes;
        }

        public boolean reached() {
            return reached;
        }

        /** After the dictionaries were cleared. */
        public void reset() {
            reached = false;
        }
    }

    public ByteDictionary() {
        this(null);
    }

    /** A dictionary that sets {@code limits} reached once it holds their entries or bytes. */
    public ByteDictionary(Limits limits) {
        this.limits = limits;
    }

    public int size() {
        return size;
    }

    /** Bytes held by the entries (what a bound on the dictionary's memory looks at). */
    public int bytes() {
        return arenaUsed;
    }

    /** The id of {@code b[from, to)}, or -1. */
    public int find(byte[] b, int from, int to) {
        int len = to - from;
        long w0 = Bytes.word(b, from, Math.min(8, len));
        long w1 = len <= 8 ? 0 : Bytes.word(b, from + 8, Math.min(8, len - 8));
        return find(b, from, to, w0, w1, hash(b, from, to, w0, w1));
    }

    /** The id of {@code b[from, to)}, adding it when new. */
    public int intern(byte[] b, int from, int to) {
        int len = to - from;
        long w0 = Bytes.word(b, from, Math.min(8, len));
        long w1 = len <= 8 ? 0 : Bytes.word(b, from + 8, Math.min(8, len - 8));
        int h = hash(b, from, to, w0, w1);
        int id = find(b, from, to, w0, w1, h);
        return id >= 0 ? id : add(b, from, to, w0, w1, h);
    }

    /** The id of a string's UTF-8 encoding, adding it when new; the string is kept as the entry's text. */
    public int intern(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int id = intern(b, 0, b.length);
        if (strings[id] == null) {
            strings[id] = s;
        }
        return id;
    }

    private int find(byte[] b, int from, int to, long w0, long w1, int h) {
        int len = to - from;
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            int e = table[slot] - 1;
            if (e < 0) {
                return -1;
            }
            if (word0[e] == w0 && word1[e] == w1 && lengths[e] == len
                    && (len <= 16 || Arrays.equals(arena, starts[e] + 16, starts[e] + len, b, from + 16, to))) {
                return e;
            }
        }
    }

    private int add(byte[] b, int from, int to, long w0, long w1, int h) {
        int len = to - from;
        if (arenaUsed + len > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + len));
        }
        System.arraycopy(b, from, arena, arenaUsed, len);
        if (size == starts.length) {
            int n = size * 2;
            starts = Arrays.copyOf(starts, n);
            lengths = Arrays.copyOf(lengths, n);
            hashes = Arrays.copyOf(hashes, n);
            strings = Arrays.copyOf(strings, n);
            word0 = Arrays.copyOf(word0, n);
            word1 = Arrays.copyOf(word1, n);
        }
        int id = size++;
        word0[id] = w0;
        word1[id] = w1;
        starts[id] = arenaUsed;
        lengths[id] = len;
        hashes[id] = h;
        arenaUsed += len;
        if (size * 2 > table.length) {
            rehash();
        }
        int slot = h & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = id + 1;
        if (limits != null && (size >= limits.entries || arenaUsed >= limits.bytes)) {
            limits.reached = true;
        }
        return id;
    }

    private void rehash() {
        table = new int[table.length * 2];
        mask = table.length - 1;
        for (int id = 0; id < size - 1; id++) {
            int slot = hashes[id] & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = id + 1;
        }
    }

    /** Drops every entry (ids are reused from 0). */
    public void clear() {
        Arrays.fill(table, 0);
        Arrays.fill(strings, 0, size, null);
        size = 0;
        arenaUsed = 0;
    }

    /** The arena holding entry bytes; valid until the next {@link #intern}. */
    public byte[] arena() {
        return arena;
    }

    public int start(int id) {
        return starts[id];
    }

    public int length(int id) {
        return lengths[id];
    }

    /** The entry as text (decoded from UTF-8 once, then kept). */
    public String string(int id) {
        String s = strings[id];
        if (s == null) {
            s = new String(arena, starts[id], lengths[id], StandardCharsets.UTF_8);
            strings[id] = s;
        }
        return s;
    }

    /** Unsigned lexicographic order of two entries' bytes: Parquet's order for strings (UTF-8 code point order). */
    public int compare(int a, int b) {
        return Arrays.compareUnsigned(arena, starts[a], starts[a] + lengths[a], arena, starts[b], starts[b] + lengths[b]);
    }

    /** A hash of the bytes; for up to 16 bytes from the two words alone. */
    private static int hash(byte[] b, int from, int to, long w0, long w1) {
        long h = (w0 * 0x9E3779B97F4A7C15L) ^ (w1 * 0xC2B2AE3D27D4EB4FL) ^ (to - from);
        for (int i = from + 16; i < to; i += 8) {
            h = (h ^ Bytes.word(b, i, Math.min(8, to - i))) * 0xff51afd7ed558ccdL;
        }
        h *= 0xc4ceb9fe1a85ec53L;
        return (int) (h ^ (h >>> 32));
    }
}
