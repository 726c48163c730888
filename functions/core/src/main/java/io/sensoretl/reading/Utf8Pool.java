package io.sensoretl.reading;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One canonical {@code byte[]} per distinct UTF-8 string: sensor ids, metrics, units, run ids and
 * source keys repeat on almost every row, and every Parquet row group brings its own dictionary of
 * them. Interned, equal strings are the same array, so comparing two rows mostly compares
 * references, and the matching {@link String} is decoded once per distinct value.
 *
 * <p>Bounded: past {@code maxEntries} distinct values new ones are returned as they are (still
 * correct, since every comparison falls back to the bytes), so a column of unique strings cannot
 * grow it without limit. Not thread-safe: one pool per task.
 */
public final class Utf8Pool {
    public static final int DEFAULT_MAX_ENTRIES = 1 << 20;

    private final Map<Key, byte[]> canonical = new HashMap<>();
    private final Map<byte[], String> strings = new IdentityHashMap<>();
    private final int maxEntries;
    private final Key probe = new Key(null);

    public Utf8Pool() {
        this(DEFAULT_MAX_ENTRIES);
    }

    public Utf8Pool(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The canonical array equal to {@code bytes} (which the pool may keep: do not modify it afterwards). */
    public byte[] intern(byte[] bytes) {
        probe.bytes = bytes;
        probe.hash = Arrays.hashCode(bytes);
        byte[] found = canonical.get(probe);
        if (found != null) {
            return found;
        }
        if (canonical.size() < maxEntries) {
            Key key = new Key(bytes);
            canonical.put(key, bytes);
        }
        return bytes;
    }

    public byte[] intern(String s) {
        return s == null ? null : intern(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The string of an array (cached for canonical arrays). */
    public String string(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        String s = strings.get(bytes);
        if (s == null) {
            s = new String(bytes, StandardCharsets.UTF_8);
            if (strings.size() < maxEntries) {
                strings.put(bytes, s);
            }
        }
        return s;
    }

    public int size() {
        return canonical.size();
    }

    private static final class Key {
        byte[] bytes;
        int hash;

        Key(byte[] bytes) {
            this.bytes = bytes;
            this.hash = bytes == null ? 0 : Arrays.hashCode(bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(bytes, k.bytes);
        }
    }
}
