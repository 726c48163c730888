package io.sensoretl.validate;

/** 64-bit FNV-1a over the dedupe-key fields of a reading. */
final class Fingerprint {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private long h = OFFSET;

    Fingerprint reset() {
        h = OFFSET;
        return this;
    }

    Fingerprint add(String s) {
        if (s == null) {
            return add(-1L);
        }
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * PRIME;
        }
        h = (h ^ 0xff) * PRIME; // separator, so ("ab","c") differs from ("a","bc")
        return this;
    }

    Fingerprint add(long v) {
        for (int i = 0; i < 8; i++) {
            h = (h ^ (v & 0xff)) * PRIME;
            v >>>= 8;
        }
        return this;
    }

    long value() {
        return h;
    }
}
