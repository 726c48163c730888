package io.sensoretl.parquet;

/**
 * Parquet's DELTA_BINARY_PACKED encoding of int64 values, straight from a long array: a header (block
 * size 128, 4 miniblocks per block, value count, first value), then per block of 128 deltas the
 * smallest delta and, for each miniblock of 32, its bit width and its deltas minus that smallest one,
 * bit-packed least significant bits first. The layout parquet-java's
 * {@code DeltaBinaryPackingValuesWriterForLong} writes, with the format's recommended zero for the
 * widths of unused miniblocks and for the padding of the last one.
 *
 * <p>Written here rather than through parquet-java because that writer's first use initialises every
 * bit-packing implementation Parquet has ({@code Packer}: 272 classes for all widths, both byte
 * orders, int and long), about 0.1 s of a transform's cold start for the one column (docs/performance.md,
 * "Cold starts"). {@code DeltaBinaryPackedTest} holds it to parquet-java's reader and writer.
 */
final class DeltaBinaryPacked {
    static final int BLOCK_VALUES = 128;
    static final int MINIBLOCKS = 4;
    static final int MINIBLOCK_VALUES = BLOCK_VALUES / MINIBLOCKS;

    private final long[] deltas = new long[BLOCK_VALUES];
    private final int[] widths = new int[MINIBLOCKS];

    /** Appends the encoding of {@code v[from, to)} to {@code out}. */
    void encode(long[] v, int from, int to, PageBuffer out) {
        out.writeUnsignedVarInt(BLOCK_VALUES);
        out.writeUnsignedVarInt(MINIBLOCKS);
        out.writeUnsignedVarInt(to - from);
        out.writeUnsignedVarLong(zigZag(to > from ? v[from] : 0));
        int n = 0;
        for (int i = from + 1; i < to; i++) {
            deltas[n++] = v[i] - v[i - 1]; // wraps like parquet-java's: the reader adds it back the same way
            if (n == BLOCK_VALUES) {
                block(n, out);
                n = 0;
            }
        }
        if (n > 0) {
            block(n, out);
        }
    }

    private void block(int n, PageBuffer out) {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, deltas[i]);
        }
        for (int i = 0; i < n; i++) {
            deltas[i] -= min;
        }
        java.util.Arrays.fill(deltas, n, BLOCK_VALUES, 0L);
        out.writeUnsignedVarLong(zigZag(min));
        int miniblocks = (n + MINIBLOCK_VALUES - 1) / MINIBLOCK_VALUES;
        java.util.Arrays.fill(widths, 0);
        for (int m = 0; m < miniblocks; m++) {
            long or = 0;
            for (int i = m * MINIBLOCK_VALUES; i < (m + 1) * MINIBLOCK_VALUES; i++) {
                or |= deltas[i];
            }
            widths[m] = 64 - Long.numberOfLeadingZeros(or);
        }
        out.ensure(MINIBLOCKS + miniblocks * MINIBLOCK_VALUES * 8);
        for (int m = 0; m < MINIBLOCKS; m++) {
            out.buf[out.size++] = (byte) widths[m];
        }
        for (int m = 0; m < miniblocks; m++) {
            pack(m * MINIBLOCK_VALUES, widths[m], out);
        }
    }

    /** 32 deltas at {@code width} bits each: exactly {@code 4 * width} bytes. */
    private void pack(int start, int width, PageBuffer out) {
        byte[] buf = out.buf;
        int at = out.size;
        long acc = 0;
        int bits = 0;
        for (int i = start; i < start + MINIBLOCK_VALUES; i++) {
            long x = deltas[i];
            if (width <= 56) {
                acc |= x << bits; // bits < 8 here, so the value fits
                bits += width;
                while (bits >= 8) {
                    buf[at++] = (byte) acc;
                    acc >>>= 8;
                    bits -= 8;
                }
            } else {
                for (int left = width; left > 0; ) {
                    int take = Math.min(left, 8 - bits);
                    acc |= (x & ((1L << take) - 1)) << bits;
                    x >>>= take;
                    left -= take;
                    bits += take;
                    if (bits == 8) {
                        buf[at++] = (byte) acc;
                        acc = 0;
                        bits = 0;
                    }
                }
            }
        }
        out.size = at;
    }

    private static long zigZag(long v) {
        return (v << 1) ^ (v >> 63);
    }
}
