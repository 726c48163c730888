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
    DamagedInputException damage;
    boolean openQuote;
    long number;

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

    /** The (decompressed) input broke off inside or right after this line (truncated or corrupt gzip), else {@code null}. */
    public DamagedInputException damage() {
        return damage;
    }

    /** The input ended inside a quoted field that began in this record (multiline delimited records only). */
    public boolean openQuote() {
        return openQuote;
    }

    /**
     * Number of the line (1-based, counted from the start of the object) on which the record starts, or 0
     * when the chunk does not start at the object's first byte and line numbers are not known.
     */
    public long number() {
        return number;
    }

    /** Where the record is, for reject details: {@code line 12}, or {@code byte offset 4711} when the line is not known. */
    public String location() {
        return number > 0 ? "line " + number : "byte offset " + offset;
    }

    /** The kept text, decoded leniently (invalid bytes become U+FFFD); for reject records and messages. */
    public String text(int maxBytes) {
        return new String(bytes, 0, Math.min(length, maxBytes), StandardCharsets.UTF_8);
    }
}
