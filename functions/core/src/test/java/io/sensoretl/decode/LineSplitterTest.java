package io.sensoretl.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

    @Test
    void aLineLongerThanTheLimitIsSkippedWithBoundedMemoryAndTheNextLineIsKept() throws Exception {
        long hugeLength = 100L * 1024 * 1024;
        // a 100 MB line produced on the fly: the test itself never holds it
        InputStream in = new java.io.SequenceInputStream(new RepeatingStream('x', hugeLength),
                new ByteArrayInputStream("\n{\"ok\":1}\n".getBytes(StandardCharsets.UTF_8)));
        LineSplitter s = new LineSplitter(in, 0, 0, Long.MAX_VALUE, 64 * 1024);
        Line first = s.next();
        assertThat(first.tooLong()).isTrue();
        assertThat(first.fullLength()).isEqualTo(hugeLength);
        assertThat(first.length()).isEqualTo(64 * 1024);
        Line second = s.next();
        assertThat(second.text(100)).isEqualTo("{\"ok\":1}");
        assertThat(second.offset()).isEqualTo(hugeLength + 1);
        assertThat(s.next()).isNull();
    }

    @Test
    void aTruncatedGzipStreamKeepsTheCompleteLinesAndFlagsTheBrokenOne() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < 2000; i++) {
                gz.write(("line number " + i + " with some padding to make it longer\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] whole = bytes.toByteArray();
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        LineSplitter s = new LineSplitter(Compression.GZIP.decode(new ByteArrayInputStream(cut)), 0, 0, Long.MAX_VALUE, 4096);
        int complete = 0;
        Line l;
        boolean flagged = false;
        while ((l = s.next()) != null) {
            if (l.damage() != null) {
                flagged = true;
            } else {
                assertThat(l.text(200)).isEqualTo("line number " + complete + " with some padding to make it longer");
                complete++;
            }
        }
        assertThat(s.damage()).isNotNull();
        assertThat(s.damage().reason()).isEqualTo(io.sensoretl.reading.RejectReason.TRUNCATED_INPUT);
        assertThat(complete).isBetween(1, 1999);
        assertThat(flagged || s.damage() != null).isTrue();
    }

    @Test
    void compressionIsDetectedFromTheBytesNotTheName() {
        assertThat(Compression.detect(new byte[] {0x1f, (byte) 0x8b})).isEqualTo(Compression.GZIP);
        assertThat(Compression.detect("{\"".getBytes(StandardCharsets.UTF_8))).isEqualTo(Compression.NONE);
        assertThat(Compression.detect(new byte[0])).isEqualTo(Compression.NONE);
    }

    /** {@code length} copies of one byte, generated lazily. */
    static final class RepeatingStream extends InputStream {
        private final byte value;
        private long left;

        RepeatingStream(char value, long length) {
            this.value = (byte) value;
            this.left = length;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return value;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, value);
            left -= n;
            return n;
        }
    }
}
