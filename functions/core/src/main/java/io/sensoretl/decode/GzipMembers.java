package io.sensoretl.decode;

import io.sensoretl.reading.RejectReason;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompresses a gzip file (RFC 1952): one or more members, one after the other, each checked against
 * its CRC-32 and length. Unlike {@link java.util.zip.GZIPInputStream}, which reports every problem as
 * a ZipException or EOFException and silently stops at bytes after the last member, each kind of damage
 * is a {@link DamagedInputException} with its own reason, thrown once all good data before it has been
 * delivered, and the message counts the compressed bytes that could not be read:
 * <ul>
 *   <li>{@code truncated_input}: the file ends inside a member (header, data or trailer); what was
 *   decoded before is a correct prefix of the data;</li>
 *   <li>{@code corrupt_input}: invalid deflate data, a CRC-32 or length mismatch, a bad member header;</li>
 *   <li>{@code trailing_garbage}: bytes after the last member that do not start another member.</li>
 * </ul>
 * A corrupt member may have decoded to wrong bytes before the damage showed (only its CRC-32 tells):
 * {@link DamagedInputException#intactBytes()} says where the verified data ends.
 */
public final class GzipMembers extends InputStream {
    private static final int FTEXT_RESERVED = 0xE0;
    private static final int FHCRC = 0x02;
    private static final int FEXTRA = 0x04;
    private static final int FNAME = 0x08;
    private static final int FCOMMENT = 0x10;

    private final InputStream raw;
    private final byte[] in = new byte[64 * 1024];
    private int inPos;
    private int inLimit;
    /** Compressed offset of in[0]. */
    private long inOffset;
    private boolean rawEof;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private long memberStart;
    private int member;
    private long memberBytes;
    /** Decompressed bytes delivered, and where the current member's data began. */
    private long delivered;
    private long memberDataStart;
    private boolean inData;
    private boolean done;
    private DamagedInputException failure;

    /** Reads nothing yet: the first member's header is read (and checked) by the first read. */
    public GzipMembers(InputStream raw) {
        this.raw = raw;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            if (failure != null) {
                throw failure;
            }
            if (done) {
                return -1;
            }
            if (!inData) {
                startMember(member == 0);
                continue;
            }
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw fail(RejectReason.CORRUPT_INPUT, "is corrupt (" + e.getMessage() + ")", compressedPosition());
            }
            if (n > 0) {
                crc.update(b, off, n);
                memberBytes += n;
                delivered += n;
                return n;
            }
            if (inflater.finished()) {
                inPos = inLimit - inflater.getRemaining();
                endMember();
            } else if (inflater.needsDictionary()) {
                throw fail(RejectReason.CORRUPT_INPUT, "is corrupt (it asks for a preset dictionary)", compressedPosition());
            } else if (inflater.needsInput()) {
                if (!fill()) {
                    throw fail(RejectReason.TRUNCATED_INPUT, "ends abruptly: the file stops inside its compressed data",
                            compressedPosition());
                }
                inflater.setInput(in, inPos, inLimit - inPos);
                inPos = inLimit;
            }
        }
    }

    /** Reads the next member's header, or ends the stream when the file ends after a member. */
    private void startMember(boolean first) throws IOException {
        long start = inOffset + inPos;
        int id1 = nextByte();
        if (id1 < 0) {
            done = true; // a clean end between members
            return;
        }
        int id2 = nextByte();
        if (first && id1 == 0x1f && id2 < 0) {
            member = 1;
            throw fail(RejectReason.TRUNCATED_INPUT, "ends abruptly inside its header", start + 1);
        }
        if (id1 != 0x1f || id2 != 0x8b) {
            if (first) {
                throw new IllegalStateException("not a gzip stream: it does not start with 1f 8b");
            }
            long garbage = endOffset() - start;
            throw failure = new DamagedInputException(RejectReason.TRAILING_GARBAGE, garbage
                    + " bytes after the last gzip member (from compressed offset " + start + " to " + (start + garbage)
                    + ") are not gzip data; they were not read", delivered);
        }
        memberStart = start;
        memberDataStart = delivered;
        member++;
        int method = nextByte();
        int flags = nextByte();
        if (method < 0 || flags < 0 || skip(6) < 6) {
            throw fail(RejectReason.TRUNCATED_INPUT, "ends abruptly inside its header", inOffset + inPos);
        }
        if (method != 8) {
            throw fail(RejectReason.CORRUPT_INPUT, "has an unknown compression method " + method + " (only 8, deflate, exists)",
                    memberStart + 2);
        }
        if ((flags & FTEXT_RESERVED) != 0) {
            throw fail(RejectReason.CORRUPT_INPUT, "has reserved header flags set (" + Integer.toHexString(flags) + ")",
                    memberStart + 3);
        }
        if ((flags & FEXTRA) != 0) {
            int lo = nextByte();
            int hi = nextByte();
            if (hi < 0 || skip(lo | hi << 8) < (lo | hi << 8)) {
                throw fail(RejectReason.TRUNCATED_INPUT, "ends abruptly inside its header", inOffset + inPos);
            }
        }
        for (int flag : new int[] {FNAME, FCOMMENT}) {
            if ((flags & flag) != 0) {
                int c;
                while ((c = nextByte()) > 0) {
                    // a zero-terminated name or comment
                }
                if (c < 0) {
                    throw fail(RejectReason.TRUNCATED_INPUT, "ends abruptly inside its header", inOffset + inPos);
                }
            }
        }
        if ((flags & FHCRC) != 0 && skip(2) < 2) {
            throw fail(RejectReason.TRUNCATED_INPUT, "ends abruptly inside its header", inOffset + inPos);
        }
        inflater.reset();
        crc.reset();
        memberBytes = 0;
        inflater.setInput(in, inPos, inLimit - inPos);
        inPos = inLimit;
        inData = true;
    }

    /** Checks the member's trailer: CRC-32 and length (mod 2^32) of its decompressed data. */
    private void endMember() throws IOException {
        inData = false;
        long trailerAt = inOffset + inPos;
        long storedCrc = 0;
        long storedSize = 0;
        for (int i = 0; i < 8; i++) {
            int v = nextByte();
            if (v < 0) {
                throw fail(RejectReason.TRUNCATED_INPUT, "ends abruptly inside its trailer (CRC-32 and length)", trailerAt);
            }
            if (i < 4) {
                storedCrc |= (long) v << (8 * i);
            } else {
                storedSize |= (long) v << (8 * (i - 4));
            }
        }
        if (storedCrc != crc.getValue()) {
            throw fail(RejectReason.CORRUPT_INPUT, String.format("is corrupt: CRC-32 %08x of its data differs from the %08x "
                    + "in its trailer", crc.getValue(), storedCrc), trailerAt);
        }
        if (storedSize != (memberBytes & 0xFFFFFFFFL)) {
            throw fail(RejectReason.CORRUPT_INPUT, "is corrupt: " + memberBytes + " bytes of data, its trailer says "
                    + storedSize + " (mod 2^32)", trailerAt + 4);
        }
    }

    /** Compressed offset up to which the inflater has consumed input. */
    private long compressedPosition() {
        return inOffset + inLimit - inflater.getRemaining();
    }

    /** Records the damage of the current member; the compressed bytes from {@code at} on are counted and lost. */
    private DamagedInputException fail(RejectReason reason, String what, long at) throws IOException {
        long lost = endOffset() - at;
        failure = new DamagedInputException(reason, "gzip member " + member + " (from compressed offset " + memberStart
                + ") " + what + " at or before compressed offset " + at + "; the " + lost + " compressed bytes from there "
                + "to the end of the file cannot be read", reason == RejectReason.CORRUPT_INPUT ? memberDataStart : delivered);
        return failure;
    }

    private boolean fill() throws IOException {
        if (rawEof) {
            return false;
        }
        inOffset += inLimit;
        inPos = 0;
        inLimit = 0;
        int n = raw.read(in, 0, in.length);
        if (n < 0) {
            rawEof = true;
            return false;
        }
        inLimit = n;
        return true;
    }

    private int nextByte() throws IOException {
        if (inPos == inLimit && !fill()) {
            return -1;
        }
        return in[inPos++] & 0xFF;
    }

    private int skip(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            if (nextByte() < 0) {
                return i;
            }
        }
        return n;
    }

    /** Reads the rest of the compressed file (after damage: nothing more is decoded) and returns its size. */
    private long endOffset() throws IOException {
        long end = inOffset + inLimit;
        int r;
        while (!rawEof && (r = raw.read(in, 0, in.length)) >= 0) {
            end += r;
        }
        rawEof = true;
        inOffset = end;
        inPos = 0;
        inLimit = 0;
        return end;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        raw.close();
    }
}
