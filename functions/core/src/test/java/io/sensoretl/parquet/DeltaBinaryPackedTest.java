package io.sensoretl.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesReader;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForLong;
import org.junit.jupiter.api.Test;

/** What the delta encoder writes, parquet-java's reader reads back value for value; its bytes are parquet-java's writer's. */
class DeltaBinaryPackedTest {

    private static long[] values(SplittableRandom r, int n, int shape) {
        long[] v = new long[n];
        long t = 1_700_000_000_000L + r.nextLong(1_000_000_000L);
        for (int i = 0; i < n; i++) {
            v[i] = switch (shape) {
                case 0 -> t += r.nextInt(3) * 1000L; // sorted timestamps, repeated and steady steps
                case 1 -> t += r.nextLong(1L << 40) - (1L << 39); // up and down
                case 2 -> r.nextLong(); // any long: deltas overflow and wrap
                case 3 -> r.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE; // the widest deltas
                default -> 42; // constant: zero-width miniblocks
            };
        }
        return v;
    }

    private static PageBuffer encode(long[] v, int from, int to) {
        PageBuffer out = new PageBuffer();
        out.write(7); // something before, as the levels of a page are
        new DeltaBinaryPacked().encode(v, from, to, out);
        return out;
    }

    @Test
    void anySequenceOfLongsDecodesToItself() throws Exception {
        SplittableRandom r = new SplittableRandom(3);
        DeltaBinaryPacked encoder = new DeltaBinaryPacked(); // reused, as from page to page
        for (int trial = 0; trial < 400; trial++) {
            int n = trial < 40 ? trial : r.nextInt(trial % 7 == 0 ? 5000 : 300);
            long[] v = values(r, n + 3, trial % 5);
            PageBuffer out = new PageBuffer();
            encoder.encode(v, 2, n + 2, out);
            DeltaBinaryPackingValuesReader reader = new DeltaBinaryPackingValuesReader();
            reader.initFromPage(n, ByteBufferInputStream.wrap(ByteBuffer.wrap(out.buf, 0, out.size)));
            for (int k = 0; k < n; k++) {
                assertThat(reader.readLong()).as("trial %d, value %d of %d", trial, k, n).isEqualTo(v[k + 2]);
            }
        }
    }

    @Test
    void writesTheBytesParquetJavasWriterWrites() throws Exception {
        // parquet-java's writer pads unused miniblocks with what its buffers held before: a fresh writer
        // and one block, so that its padding is zeros as well
        SplittableRandom r = new SplittableRandom(4);
        for (int trial = 0; trial < 200; trial++) {
            int n = r.nextInt(130);
            long[] v = values(r, n, trial % 5);
            DeltaBinaryPackingValuesWriterForLong writer =
                    new DeltaBinaryPackingValuesWriterForLong(64 * 1024, 1 << 20, HeapByteBufferAllocator.getInstance());
            for (long x : v) {
                writer.writeLong(x);
            }
            PageBuffer ours = encode(v, 0, n);
            byte[] theirs = writer.getBytes().toByteArray();
            assertThat(java.util.Arrays.copyOfRange(ours.buf, 1, ours.size)).as("trial %d, %d values", trial, n).isEqualTo(theirs);
        }
    }
}
