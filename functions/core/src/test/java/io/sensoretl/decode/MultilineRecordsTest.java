package io.sensoretl.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * With quoted line breaks ({@link QuotedRecordEnds}), the splitter returns whole records whatever the
 * quoting and wherever the stream's reads happen to end, and {@link DelimitedRow} reads back the fields
 * that were written.
 */
class MultilineRecordsTest {

    static java.util.stream.LongStream seeds() {
        return java.util.stream.LongStream.range(1, 151);
    }

    /** A stream whose reads return a random number of bytes, so buffer ends fall anywhere. */
    private static InputStream ragged(byte[] b, SplittableRandom r) {
        return new ByteArrayInputStream(b) {
            @Override
            public synchronized int read(byte[] out, int off, int len) {
                return super.read(out, off, Math.min(len, 1 + r.nextInt(9)));
            }
        };
    }

    private static String field(SplittableRandom r) {
        String[] parts = {"a", "b c", ",", ";", "\"", "\n", "\r\n", "\r", "é", "😀", " ", "x\"y", "", "\"\""};
        StringBuilder s = new StringBuilder();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            s.append(parts[r.nextInt(parts.length)]);
        }
        return s.toString();
    }

    private static String quoted(String field) {
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyRecordIsReadWholeAndSplitsBackIntoItsFields(long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        List<List<String>> rows = new ArrayList<>();
        StringBuilder file = new StringBuilder(r.nextBoolean() ? "\uFEFF" : "");
        int n = 1 + r.nextInt(30);
        for (int i = 0; i < n; i++) {
            List<String> row = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            int fields = 1 + r.nextInt(5);
            for (int f = 0; f < fields; f++) {
                String v = field(r);
                boolean plain = v.matches("[a-zé]+");
                row.add(v);
                line.append(f == 0 ? "" : ",").append(plain && r.nextBoolean() ? v : quoted(v));
            }
            rows.add(row);
            file.append(line).append(r.nextBoolean() ? "\n" : "\r\n");
        }
        byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
        LineSplitter s = new LineSplitter(ragged(bytes, r), 0, 0, Long.MAX_VALUE, 1 << 20, new QuotedRecordEnds(',', '"'));
        List<List<String>> got = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        Line l;
        while ((l = s.next()) != null) {
            got.add(DelimitedRow.split(new String(l.bytes(), 0, l.length(), StandardCharsets.UTF_8), ',', '"'));
            lines.add(l.number());
        }
        assertThat(got).isEqualTo(rows);
        assertThat(lines.get(0)).isEqualTo(1);
    }

    @Test
    void lineNumbersCountTheLineBreaksInsideQuotes() throws Exception {
        byte[] b = "a,\"1\n2\n3\"\nb,c\n".getBytes(StandardCharsets.UTF_8);
        LineSplitter s = new LineSplitter(new ByteArrayInputStream(b), 0, 0, Long.MAX_VALUE, 1024, new QuotedRecordEnds(',', '"'));
        assertThat(s.next().number()).isEqualTo(1);
        Line second = s.next();
        assertThat(second.number()).isEqualTo(4);
        assertThat(second.offset()).isEqualTo(10);
    }

    @Test
    void aQuoteNeverClosedRunsToTheEndAndSaysSo() throws Exception {
        byte[] b = "a,b\nc,\"never closed\nd,e\n".getBytes(StandardCharsets.UTF_8);
        LineSplitter s = new LineSplitter(new ByteArrayInputStream(b), 0, 0, Long.MAX_VALUE, 1024, new QuotedRecordEnds(',', '"'));
        assertThat(s.next().openQuote()).isFalse();
        Line open = s.next();
        assertThat(open.openQuote()).isTrue();
        assertThat(open.text(100)).isEqualTo("c,\"never closed\nd,e\n");
        assertThat(s.next()).isNull();
    }

    @Test
    void quotedRecordsCannotBeReadFromTheMiddleOfAnObject() {
        assertThatThrownBy(() -> new LineSplitter(new ByteArrayInputStream(new byte[10]), 4, 5, 10, 1024,
                new QuotedRecordEnds(',', '"'))).isInstanceOf(IllegalArgumentException.class);
    }
}
