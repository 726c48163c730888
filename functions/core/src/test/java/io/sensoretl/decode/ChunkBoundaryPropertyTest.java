package io.sensoretl.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chunk ownership rule, as a property: for any file and any cut into chunks (down to one
 * byte), the union of the records each chunk reads equals the file's records, each exactly once.
 */
class ChunkBoundaryPropertyTest {

    static java.util.stream.LongStream seeds() {
        return java.util.stream.LongStream.range(1, 201);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyRecordIsReadByExactlyOneChunkWhateverTheCuts(long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        boolean header = random.nextBoolean();
        List<Expected> expected = new ArrayList<>();
        byte[] file = randomFile(random, header, expected);
        if (header && !expected.isEmpty()) {
            expected.remove(0); // the header row is read once, at the start, and is not a record
        }

        int maxChunk = random.nextInt(4) == 0 ? 1 + random.nextInt(4) : 1 + random.nextInt(Math.max(1, file.length));
        List<Expected> got = new ArrayList<>();
        long start = 0;
        while (start < file.length) {
            long end = Math.min(file.length, start + 1 + random.nextInt(maxChunk));
            got.addAll(readChunk(file, start, end, header));
            start = end;
        }
        assertThat(got).containsExactlyElementsOf(expected);
    }

    private static List<Expected> readChunk(byte[] file, long start, long end, boolean header) throws Exception {
        long streamOffset = start == 0 ? 0 : start - 1;
        var in = new ByteArrayInputStream(file, (int) streamOffset, file.length - (int) streamOffset);
        LineSplitter s = new LineSplitter(in, streamOffset, start, end, 1 << 20);
        List<Expected> out = new ArrayList<>();
        if (start == 0 && header) {
            s.next();
        }
        for (Line l; (l = s.next()) != null; ) {
            out.add(new Expected(l.offset(), new String(Arrays.copyOf(l.bytes(), l.length()), StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** Lines of ASCII and multi-byte UTF-8, LF or CRLF endings, blank lines, an optional BOM, maybe no final newline. */
    private static byte[] randomFile(SplittableRandom random, boolean header, List<Expected> expected) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean bom = random.nextInt(5) == 0;
        if (bom) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        String[] alphabet = {"a", "b", "7", ",", "\"", " ", "é", "€", "𝄞", "温"};
        int lines = random.nextInt(40);
        boolean crlf = random.nextBoolean();
        for (int i = 0; i < lines; i++) {
            if (random.nextInt(6) == 0) {
                out.write(crlf ? "\r\n".getBytes(StandardCharsets.UTF_8) : "\n".getBytes(StandardCharsets.UTF_8));
                continue;
            }
            StringBuilder sb = new StringBuilder("r" + i + ":");
            int len = random.nextInt(30);
            for (int k = 0; k < len; k++) {
                sb.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = sb.toString();
            // a leading BOM belongs to the first line's bytes (so that line starts at offset 0)
            expected.add(new Expected(bom && out.size() == 3 ? 0 : out.size(), text));
            out.write(text.getBytes(StandardCharsets.UTF_8));
            boolean last = i == lines - 1;
            if (!last || random.nextBoolean()) {
                out.write((crlf ? "\r\n" : "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    record Expected(long offset, String text) {}
}
