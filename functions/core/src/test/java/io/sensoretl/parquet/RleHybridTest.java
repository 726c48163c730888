package io.sensoretl.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.SplittableRandom;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.junit.jupiter.api.Test;

/** What the hybrid encoder writes, parquet-java's own decoder reads back value for value. */
class RleHybridTest {

    @Test
    void anySequenceOfRunsAndNoiseDecodesToItselfForEveryBitWidth() throws Exception {
        SplittableRandom r = new SplittableRandom(1);
        for (int bitWidth = 0; bitWidth <= 32; bitWidth++) {
            for (int trial = 0; trial < 60; trial++) {
                int n = r.nextInt(trial < 10 ? 20 : 3000);
                int[] v = new int[n + 5];
                int i = 2; // encode a slice, not the whole array
                while (i < n + 2) {
                    int x = (int) (r.nextLong() & ((1L << bitWidth) - 1));
                    int run = r.nextInt(4) == 0 ? 1 + r.nextInt(40) : 1;
                    for (int k = 0; k < run && i < n + 2; k++) {
                        v[i++] = x;
                    }
                }
                PageBuffer out = new PageBuffer();
                RleHybrid.encode(v, 2, n + 2, bitWidth, out);
                RunLengthBitPackingHybridDecoder decoder = new RunLengthBitPackingHybridDecoder(bitWidth,
                        new ByteArrayInputStream(out.buf, 0, out.size));
                for (int k = 0; k < n; k++) {
                    assertThat(decoder.readInt()).as("width %d, value %d of %d", bitWidth, k, n).isEqualTo(v[k + 2]);
                }
            }
        }
    }

    @Test
    void longRunsTakeAFewBytes() {
        int[] v = new int[100_000];
        java.util.Arrays.fill(v, 0, 60_000, 3);
        java.util.Arrays.fill(v, 60_000, 100_000, 7);
        PageBuffer out = new PageBuffer();
        RleHybrid.encode(v, 0, v.length, 3, out);
        assertThat(out.size).isLessThan(10);
    }
}
