package io.sensoretl.decode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Word-at-a-time helpers for the byte scanners: 8 bytes read and tested at once. */
public final class Bytes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private Bytes() {}

    /** The 8 bytes at {@code at} as a little-endian long (the caller ensures {@code at + 8 <= b.length}). */
    public static long word(byte[] b, int at) {
        return (long) LONGS.get(b, at);
    }

    /** The {@code n} (0..8) bytes at {@code at}, little-endian, zero above; never reads past the array. */
    public static long word(byte[] b, int at, int n) {
        if (n == 0) {
            return 0;
        }
        if (at + 8 <= b.length) {
            return (long) LONGS.get(b, at) & (-1L >>> (64 - 8 * n));
        }
        long w = 0;
        for (int i = n - 1; i >= 0; i--) {
            w = (w << 8) | (b[at + i] & 0xFF);
        }
        return w;
    }

    /** Non-zero when some byte of {@code w} equals {@code c} (may also flag bytes above a match, never misses one). */
    static long has(long w, int c) {
        long x = w ^ (ONES * (c & 0xFF)); // a byte's value, not its sign-extended int (0x80-0xFF)
        return (x - ONES) & ~x & HIGHS;
    }

    /** Non-zero when some byte of {@code w} is below 0x20 or above 0x7E (a control character, DEL or non-ASCII). */
    static long unprintable(long w) {
        long below = (w - ONES * 0x20) & ~w & HIGHS;
        return below | (w & HIGHS) | has(w, 0x7F);
    }

    /** Index of the first {@code c} in {@code b[from, to)}, or -1. */
    public static int indexOf(byte[] b, int from, int to, byte c) {
        int i = from;
        while (i + 8 <= to) {
            long m = has(word(b, i), c);
            if (m != 0) {
                // the lowest flagged byte is exact (only bytes above a match may be flagged falsely)
                return i + (Long.numberOfTrailingZeros(m) >>> 3);
            }
            i += 8;
        }
        for (; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
