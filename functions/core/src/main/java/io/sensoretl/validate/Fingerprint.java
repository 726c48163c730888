package io.sensoretl.validate;

/** 64-bit FNV-1a, the hash behind dedupe keys. */
final class Fingerprint {
    static final long OFFSET = 0xcbf29ce484222325L;
    static final long PRIME = 0x100000001b3L;

    private Fingerprint() {}

    /** Folds the 8 bytes of {@code v} into {@code h}. */
    static long add(long h, long v) {
        for (int i = 0; i < 8; i++) {
            h = (h ^ (v & 0xff)) * PRIME;
            v >>>= 8;
        }
        return h;
    }
}
