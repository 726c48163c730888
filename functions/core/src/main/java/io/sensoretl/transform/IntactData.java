package io.sensoretl.transform;

import io.sensoretl.decode.DamagedInputException;
import io.sensoretl.reading.RejectReason;
import java.io.IOException;
import java.io.InputStream;

/**
 * Keeps a corrupt gzip member's data out of the curated table. Deflate data carries no checksum of its
 * own: a damaged member can decode to wrong bytes (a changed digit, a changed id) long before it fails,
 * and only its CRC-32, at the member's end, tells. A streaming transform would have curated those
 * records by then. So a compressed object is first decompressed once without being parsed, checking every
 * member; when one is corrupt, the transform reads only the intact members before it, and the corrupt
 * member and everything after it are one {@code corrupt_input} reject.
 *
 * <p>This costs one extra decompression of compressed objects (no parsing: several hundred MB/s,
 * against the transform's tens) and nothing for uncompressed ones. Truncation and trailing garbage need
 * no cut: what precedes them decodes correctly, and the reader reports them where they occur.
 */
final class IntactData {
    private IntactData() {}

    /** The source to transform: {@code source} itself, or its intact prefix when a member is corrupt. */
    static ByteSource of(ByteSource source) throws IOException {
        DamagedInputException damage = null;
        try (InputStream in = source.open(0)) {
            byte[] buf = new byte[64 * 1024];
            while (in.read(buf, 0, buf.length) >= 0) {
                // decompress and check only
            }
        } catch (DamagedInputException e) {
            damage = e;
        }
        if (damage == null || damage.reason() != RejectReason.CORRUPT_INPUT) {
            return source;
        }
        long intact = damage.intactBytes();
        DamagedInputException cut = new DamagedInputException(RejectReason.CORRUPT_INPUT, damage.getMessage()
                + "; none of that member's data (from decompressed offset " + intact + ") is read, since it may have "
                + "decoded wrongly", intact);
        return from -> {
            if (from != 0) {
                throw new IllegalArgumentException("a compressed object is read from its start, not from " + from);
            }
            return new Prefix(source.open(0), intact, cut);
        };
    }

    /** The first {@code length} bytes of a stream, then {@code end} thrown. */
    private static final class Prefix extends InputStream {
        private final InputStream in;
        private long left;
        private final DamagedInputException end;

        Prefix(InputStream in, long length, DamagedInputException end) {
            this.in = in;
            this.left = length;
            this.end = end;
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
            if (left == 0) {
                throw end;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw end;
            }
            left -= n;
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
