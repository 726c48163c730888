package io.sensoretl.parquet;

/**
 * Parquet's RLE / bit-packing hybrid encoding (levels and dictionary ids), straight from an int array:
 * a run of at least 8 equal values becomes an RLE run, everything else is bit-packed in groups of 8.
 * Sorted columns (sensor ids, metrics, the run id) are long runs, so a page of them is a few bytes.
 * A bit-packed run ends on a group boundary except at the end, where the last group is padded with
 * zeros (the reader knows how many values the page has).
 */
final class RleHybrid {
    private RleHybrid() {}

    /** Encodes {@code v[from, to)}, each value below {@code 2^bitWidth}. */
    static void encode(int[] v, int from, int to, int bitWidth, PageBuffer out) {
        int packedFrom = -1;
        int i = from;
        while (i < to) {
            int x = v[i];
            int j = i + 1;
            while (j < to && v[j] == x) {
                j++;
            }
            if (j - i >= 8) {
                if (packedFrom < 0) {
                    rle(out, j - i, x, bitWidth);
                    i = j;
                    continue;
                }
                int fill = (8 - (i - packedFrom) % 8) % 8; // complete the pending group from the run
                if (j - i - fill >= 8) {
                    packed(out, v, packedFrom, i + fill, bitWidth);
                    packedFrom = -1;
                    rle(out, j - i - fill, x, bitWidth);
                }
                i = j;
            } else {
                if (packedFrom < 0) {
                    packedFrom = i;
                }
                i = j;
            }
        }
        if (packedFrom >= 0) {
            packed(out, v, packedFrom, to, bitWidth);
        }
    }

    private static void rle(PageBuffer out, int count, int value, int bitWidth) {
        out.writeUnsignedVarInt(count << 1);
        for (int b = 0; b < bitWidth; b += 8) {
            out.write((value >>> b) & 0xFF);
        }
    }

    /** Values {@code v[from, to)} bit-packed, least significant bits first, padded to whole groups of 8. */
    private static void packed(PageBuffer out, int[] v, int from, int to, int bitWidth) {
        int groups = (to - from + 7) / 8;
        out.writeUnsignedVarInt((groups << 1) | 1);
        out.ensure(groups * bitWidth);
        byte[] buf = out.buf;
        int at = out.size;
        long acc = 0;
        int bits = 0;
        int end = from + groups * 8;
        for (int i = from; i < end; i++) {
            long x = i < to ? v[i] & 0xFFFFFFFFL : 0;
            acc |= x << bits;
            bits += bitWidth;
            while (bits >= 8) {
                buf[at++] = (byte) acc;
                acc >>>= 8;
                bits -= 8;
            }
        }
        out.size = at;
    }
}
