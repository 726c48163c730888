package io.sensoretl.decode;

import java.io.IOException;
import java.io.InputStream;

/** The compression of a dump, recognised from its first bytes (never from its name). */
public enum Compression {
    NONE,
    GZIP;

    /** Bytes of the object's head {@link #detect} needs. */
    public static final int MAGIC_BYTES = 2;

    public static Compression detect(byte[] head) {
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return GZIP;
        }
        return NONE;
    }

    /**
     * Wraps the raw object stream so callers always read decompressed bytes. A damaged gzip file
     * (truncated, corrupt, garbage after its last member) ends in a {@link DamagedInputException}.
     */
    public InputStream decode(InputStream raw) throws IOException {
        return this == GZIP ? new GzipMembers(raw) : raw;
    }

    /** Compressed objects cannot be cut at byte offsets: a gzip member is one stream. */
    public boolean splittable() {
        return this == NONE;
    }
}
