package io.sensoretl.validate;

/**
 * The hash behind dedupe keys: each field's 64 bits folded in by a bijective mix (two multiplies and
 * xor-shifts, as in MurmurHash3's finaliser). A word at a time: FNV-1a over the eight bytes of each field
 * was a chain of 24 dependent multiplies per reading on the transform's hot path.
 */
final class Fingerprint {
    static final long OFFSET = 0xcbf29ce484222325L;
    static final long PRIME = 0x100000001b3L;

    private Fingerprint() {}

    /** Folds the 64 bits of {@code v} into {@code h}. */
    static long add(long h, long v) {
        long x = (h ^ v) * 0x9E3779B97F4A7C15L;
        x ^= x >>> 32;
        x *= 0xD6E8FEB86659FD93L;
        return x ^ (x >>> 32);
    }
}
