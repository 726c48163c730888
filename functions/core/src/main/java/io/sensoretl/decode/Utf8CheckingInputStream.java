package io.sensoretl.decode;

import io.sensoretl.reading.RejectReason;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a byte stream through while checking that it is strict UTF-8 ({@link Utf8Validator}), for
 * readers that decode a whole document with a lenient decoder (Jackson, for JSON array documents).
 * Every byte before the first ill-formed sequence is delivered; the read after that throws a
 * {@link DamagedInputException} ({@code invalid_encoding}) naming the sequence and its offset, so the
 * reader keeps the records before it.
 */
public final class Utf8CheckingInputStream extends InputStream {
    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    /** Bytes before this index are checked and may be delivered. */
    private int checked;
    private int limit;
    /** Stream offset of buf[0]. */
    private long bufOffset;
    private boolean eof;
    private DamagedInputException failure;

    public Utf8CheckingInputStream(InputStream in) {
        this.in = in;
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
        while (pos == checked) {
            if (failure != null) {
                throw failure;
            }
            if (eof && limit == checked) {
                return -1;
            }
            refill();
        }
        int n = Math.min(len, checked - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    private void refill() throws IOException {
        // keep the unchecked tail (an incomplete sequence), then read more behind it
        int tail = limit - checked;
        System.arraycopy(buf, checked, buf, 0, tail);
        bufOffset += checked;
        pos = 0;
        checked = 0;
        limit = tail;
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
        int end = eof ? limit : completeEnd(buf, limit);
        int bad = Utf8Validator.firstInvalid(buf, 0, end);
        if (bad >= 0) {
            failure = new DamagedInputException(RejectReason.INVALID_ENCODING, "not valid UTF-8: "
                    + Utf8Validator.describe(buf, bad, limit)
                    + " at offset " + (bufOffset + bad), bufOffset + bad);
            end = bad;
        }
        checked = end;
    }

    /** Where the last possibly incomplete sequence in {@code b[0, to)} starts (or {@code to}). */
    static int completeEnd(byte[] b, int to) {
        for (int k = to - 1; k >= Math.max(0, to - 3); k--) {
            int v = b[k] & 0xFF;
            if ((v & 0xC0) != 0x80) {
                int length = v >= 0xF0 ? 4 : v >= 0xE0 ? 3 : v >= 0xC0 ? 2 : 1;
                return k + length > to ? k : to;
            }
        }
        return to;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
