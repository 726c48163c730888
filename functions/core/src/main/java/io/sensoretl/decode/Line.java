package io.sensoretl.decode;

import java.nio.charset.StandardCharsets;

/**
 * One line of a dump, as bytes. The object is reused by {@link LineSplitter} for the next line, so
 * callers copy what they keep. A line longer than the limit is not buffered: {@link #tooLong()} is
 * set, {@link #length()} covers only its kept prefix and {@link #fullLength()} tells the real size.
 */
public final class Line {
    byte[] bytes = new byte[4096];
    int length;
    long offset;
    long fullLength;
    boolean tooLong;
    boolean truncatedInput;

    /** Offset of the line's first byte in the decompressed source object. */
    public long offset() {
        return offset;
    }

    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return length;
    }

    public long fullLength() {
        return fullLength;
    }

    public boolean tooLong() {
        return tooLong;
    }

    /** The input ended abruptly (truncated gzip) inside or right after this line. */
    public boolean truncatedInput() {
        return truncatedInput;
    }

    /** The kept text, decoded leniently (invalid bytes become U+FFFD); for reject records and messages. */
    public String text(int maxBytes) {
        return new String(bytes, 0, Math.min(length, maxBytes), StandardCharsets.UTF_8);
    }
}
