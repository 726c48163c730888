package io.sensoretl.decode;

import io.sensoretl.reading.RejectReason;
import java.io.IOException;
import java.io.InputStream;

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
 *
 * <p>With {@link QuotedRecordEnds} (delimited {@code multilineFields}), a line feed inside a quoted field
 * does not end the record. Such objects are not splittable: the splitter then reads from offset 0.
 *
 * <p>When the object's (decompressed) stream is damaged ({@link DamagedInputException}), the splitter
 * stops there: a record the damage cut short carries it ({@link Line#damage()}), and {@link #damage()}
 * reports it for the bytes after the last record.
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
    private DamagedInputException damage;
    private final long firstOwned;
    private final Line line = new Line();
    private final QuotedRecordEnds quoted;
    /** Number of the next line, counted from the object's start; 0 when the chunk starts elsewhere (unknown). */
    private long nextLineNumber;

    /**
     * @param in           the object's (decompressed) bytes starting at {@code streamOffset}
     * @param streamOffset offset of the first byte of {@code in}: {@code ownedStart - 1} for chunks after the first, else 0
     * @param ownedStart   first byte offset this chunk owns
     * @param ownedEnd     first byte offset it does not own ({@code Long.MAX_VALUE} for "to the end")
     */
    public LineSplitter(InputStream in, long streamOffset, long ownedStart, long ownedEnd, int maxLineBytes) throws IOException {
        this(in, streamOffset, ownedStart, ownedEnd, maxLineBytes, null);
    }

    /** @param quoted finds record ends in delimited text whose quoted fields may span lines; {@code null}: every LF ends one */
    public LineSplitter(InputStream in, long streamOffset, long ownedStart, long ownedEnd, int maxLineBytes,
            QuotedRecordEnds quoted) throws IOException {
        if (quoted != null && ownedStart != 0) {
            throw new IllegalArgumentException("records with quoted line breaks can only be found from the start of the "
                    + "object, not from offset " + ownedStart);
        }
        if (ownedStart > 0 && streamOffset != ownedStart - 1) {
            throw new IllegalArgumentException("a chunk starting at " + ownedStart + " must be read from offset "
                    + (ownedStart - 1) + ", not " + streamOffset);
        }
        this.in = in;
        this.ownedEnd = ownedEnd;
        this.maxLineBytes = maxLineBytes;
        this.bufOffset = streamOffset;
        this.quoted = quoted;
        this.nextLineNumber = ownedStart == 0 ? 1 : 0;
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
        } catch (DamagedInputException e) {
            // a truncated or corrupt gzip stream, or garbage after it: keep what was decoded, report the rest
            damage = e;
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
            if (line.damage != null) {
                return line;
            }
        }
    }

    /**
     * Why the stream ended before its end (truncated or corrupt gzip, garbage after the last member), or
     * {@code null} when it did not.
     */
    public DamagedInputException damage() {
        return damage;
    }

    private void readLine(long start) throws IOException {
        line.offset = start;
        line.length = 0;
        line.fullLength = 0;
        line.tooLong = false;
        line.damage = null;
        line.openQuote = false;
        line.number = nextLineNumber;
        if (quoted != null) {
            quoted.startRecord(start == 0);
        }
        while (true) {
            if (pos == limit && !fill()) {
                // garbage after the last gzip member follows complete data: it does not cut this record short
                line.damage = damage == null || damage.reason() == RejectReason.TRAILING_GARBAGE ? null : damage;
                line.openQuote = quoted != null && quoted.inQuotes();
                break;
            }
            int from = pos;
            int nl = quoted != null ? quoted.find(buf, pos, limit) : Bytes.indexOf(buf, pos, limit, (byte) '\n');
            int end = nl < 0 ? limit : nl;
            append(from, end - from);
            pos = nl < 0 ? limit : nl + 1;
            if (nl >= 0) {
                break;
            }
        }
        if (nextLineNumber > 0) {
            nextLineNumber += 1 + (quoted == null ? 0 : quoted.lineBreaksInside());
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
