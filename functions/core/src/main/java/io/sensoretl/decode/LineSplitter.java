package io.sensoretl.decode;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * Cuts a byte stream into lines and decides which lines belong to a chunk.
 *
 * <p>The ownership rule makes chunks independent: a line belongs to the chunk in which its first
 * byte lies. A chunk other than the first starts reading one byte early; unless that byte is a line
 * feed, the chunk begins inside a line owned by its predecessor and skips to the next line. The last
 * owned line may run past the chunk's end and is read to its finish. So every line is read by
 * exactly one chunk, whatever the chunk sizes, and line feeds can never fall inside a multi-byte
 * UTF-8 character, so byte cutting is safe for text.
 *
 * <p>CR before LF is dropped; blank lines are not records. Memory is bounded by {@code maxLineBytes}
 * whatever the input: longer lines are skipped, keeping only a prefix for the reject record.
 */
public final class LineSplitter {
    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final long ownedEnd;
    private final int maxLineBytes;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    /** Offset (in the object) of buf[0]. */
    private long bufOffset;
    private boolean eof;
    private boolean truncated;
    private final long firstOwned;
    private final Line line = new Line();

    /**
     * @param in           the object's (decompressed) bytes starting at {@code streamOffset}
     * @param streamOffset offset of the first byte of {@code in}: {@code ownedStart - 1} for chunks after the first, else 0
     * @param ownedStart   first byte offset this chunk owns
     * @param ownedEnd     first byte offset it does not own ({@code Long.MAX_VALUE} for "to the end")
     */
    public LineSplitter(InputStream in, long streamOffset, long ownedStart, long ownedEnd, int maxLineBytes) throws IOException {
        if (ownedStart > 0 && streamOffset != ownedStart - 1) {
            throw new IllegalArgumentException("a chunk starting at " + ownedStart + " must be read from offset "
                    + (ownedStart - 1) + ", not " + streamOffset);
        }
        this.in = in;
        this.ownedEnd = ownedEnd;
        this.maxLineBytes = maxLineBytes;
        this.bufOffset = streamOffset;
        if (ownedStart > 0) {
            skipPartialLine();
        }
        this.firstOwned = position();
    }

    /**
     * Bytes of the lines this chunk has read so far, from its first owned line to the end of the last
     * one (line feed included). Over all chunks of an object these add up to the object's size.
     */
    public long bytesRead() {
        return position() - firstOwned;
    }

    /** Offset of the next unread byte. */
    private long position() {
        return bufOffset + pos;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        bufOffset += limit;
        pos = 0;
        limit = 0;
        int n;
        try {
            n = in.read(buf, 0, buf.length);
        } catch (EOFException | ZipException e) {
            // a truncated or corrupt gzip stream: keep what was decoded, report the rest as lost
            truncated = true;
            n = -1;
        }
        if (n <= 0) {
            eof = true;
            return false;
        }
        limit = n;
        return true;
    }

    private void skipPartialLine() throws IOException {
        while (true) {
            if (pos == limit && !fill()) {
                return;
            }
            byte b = buf[pos++];
            if (b == '\n') {
                return;
            }
        }
    }

    /**
     * The next owned, non-blank line, or {@code null} at the end of the chunk. The returned object is
     * overwritten by the next call.
     */
    public Line next() throws IOException {
        while (true) {
            if (pos == limit && !fill()) {
                return null;
            }
            long start = position();
            if (start >= ownedEnd) {
                return null;
            }
            readLine(start);
            if (!isBlank(line)) {
                return line;
            }
            if (line.truncatedInput) {
                return line;
            }
        }
    }

    /** Whether the stream ended early (truncated or corrupt gzip). */
    public boolean truncated() {
        return truncated;
    }

    private void readLine(long start) throws IOException {
        line.offset = start;
        line.length = 0;
        line.fullLength = 0;
        line.tooLong = false;
        line.truncatedInput = false;
        while (true) {
            if (pos == limit && !fill()) {
                line.truncatedInput = truncated;
                break;
            }
            int from = pos;
            int nl = -1;
            for (int i = pos; i < limit; i++) {
                if (buf[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int end = nl < 0 ? limit : nl;
            append(from, end - from);
            pos = nl < 0 ? limit : nl + 1;
            if (nl >= 0) {
                break;
            }
        }
        if (start == 0) {
            stripByteOrderMark();
        }
        if (line.length > 0 && line.bytes[line.length - 1] == '\r' && !line.tooLong) {
            line.length--;
            line.fullLength--;
        }
    }

    /**
     * A BOM (EF BB BF) at the very start is an encoding marker, not data. It stays part of the first
     * line's byte range, so the first line is owned by the chunk holding offset 0 whatever the cuts.
     */
    private void stripByteOrderMark() {
        if (line.length >= 3 && (line.bytes[0] & 0xff) == 0xEF && (line.bytes[1] & 0xff) == 0xBB
                && (line.bytes[2] & 0xff) == 0xBF) {
            System.arraycopy(line.bytes, 3, line.bytes, 0, line.length - 3);
            line.length -= 3;
        }
    }

    private void append(int from, int n) {
        line.fullLength += n;
        if (line.tooLong) {
            return;
        }
        if (line.length + n > maxLineBytes) {
            n = maxLineBytes - line.length;
            line.tooLong = true;
        }
        if (line.length + n > line.bytes.length) {
            line.bytes = java.util.Arrays.copyOf(line.bytes, Math.max(line.length + n, line.bytes.length * 2));
        }
        System.arraycopy(buf, from, line.bytes, line.length, n);
        line.length += n;
    }

    private static boolean isBlank(Line l) {
        if (l.tooLong) {
            return false;
        }
        for (int i = 0; i < l.length; i++) {
            byte b = l.bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
