package io.sensoretl.compact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.reading.Reading;
import io.sensoretl.reading.ReadingBatch;
import io.sensoretl.reading.Utf8Pool;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSortTest {
    @TempDir
    Path scratch;

    /** The curated order spelled out on objects: the reference the columnar code must agree with. */
    private static final Comparator<Reading> REFERENCE = Comparator
            .comparing((Reading r) -> r.sensorId().getBytes(java.nio.charset.StandardCharsets.UTF_8), java.util.Arrays::compareUnsigned)
            .thenComparingLong(Reading::tsMicros)
            .thenComparing(r -> r.metric().getBytes(java.nio.charset.StandardCharsets.UTF_8), java.util.Arrays::compareUnsigned)
            .thenComparing(r -> r.runId().getBytes(java.nio.charset.StandardCharsets.UTF_8), java.util.Arrays::compareUnsigned)
            .thenComparing(r -> r.sourceKey().getBytes(java.nio.charset.StandardCharsets.UTF_8), java.util.Arrays::compareUnsigned)
            .thenComparingDouble(Reading::value);

    static List<Reading> randomRows(int n, long seed) {
        Random random = new Random(seed);
        // ids outside the BMP sort differently as UTF-16 and as UTF-8: the curated order is UTF-8's
        String[] odd = {"\uD83D\uDE00-smile", "\uFF21-fullwidth", "\u00e9t\u00e9"};
        List<Reading> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String sensor = random.nextInt(20) == 0 ? odd[random.nextInt(odd.length)] : "s-" + random.nextInt(50);
            rows.add(new Reading(sensor, random.nextInt(2_000), random.nextBoolean() ? "m" : "n", random.nextInt(7),
                    i % 3 == 0 ? null : "u", i % 2 == 0 ? null : 1.5, i % 5 == 0 ? null : -2.25,
                    i % 7 == 0 ? Map.of("k", "v" + i) : i % 11 == 0 ? Map.of("a", "1", "b", "2") : Map.of(),
                    "src-" + (i % 3), "run-" + (i % 2)));
        }
        return rows;
    }

    private static List<Reading> drain(List<RowStream> streams, Utf8Pool pool) throws Exception {
        List<Reading> out = new ArrayList<>();
        try (KWayMerge merge = new KWayMerge(streams)) {
            merge.drainTo((b, r, in) -> out.add(b.toReading(r, pool)));
        }
        return out;
    }

    @Test
    void spillsAndMergesInSeveralPassesToTheSameOrderAsTheReferenceSort() throws Exception {
        List<Reading> rows = randomRows(30_000, 7);
        Utf8Pool pool = new Utf8Pool();
        ReadingBatch in = new ReadingBatch(16);
        rows.forEach(r -> in.append(r, pool));
        List<Reading> sorted;
        try (LocalSort sort = new LocalSort(scratch, 1024 * ReadingBatch.bytesPerRow(), 3, pool)) {
            sort.addAll(in);
            sorted = drain(sort.sortedRuns(), pool);
            assertThat(sort.spills()).isGreaterThan(9);
            assertThat(sort.mergePasses()).isGreaterThanOrEqualTo(2);
        }
        List<Reading> expected = new ArrayList<>(rows);
        expected.sort(REFERENCE);
        assertThat(sorted).isEqualTo(expected);
        try (var left = Files.list(scratch)) {
            assertThat(left).as("run files are removed once merged").isEmpty();
        }
    }

    @Test
    void sortsInMemoryWhenTheBudgetIsNotReached() throws Exception {
        List<Reading> rows = randomRows(500, 3);
        Utf8Pool pool = new Utf8Pool();
        ReadingBatch in = new ReadingBatch(16);
        rows.forEach(r -> in.append(r, pool));
        try (LocalSort sort = new LocalSort(scratch, 64L * 1024 * 1024, 8, pool)) {
            sort.addAll(in);
            List<Reading> sorted = drain(sort.sortedRuns(), pool);
            assertThat(sort.spills()).isZero();
            List<Reading> expected = new ArrayList<>(rows);
            expected.sort(REFERENCE);
            assertThat(sorted).isEqualTo(expected);
        }
    }

    @Test
    void runFilesGiveBackExactlyTheRowsWritten() throws Exception {
        List<Reading> rows = randomRows(10_000, 11);
        Utf8Pool pool = new Utf8Pool();
        ReadingBatch in = new ReadingBatch(16);
        rows.forEach(r -> in.append(r, pool));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RunFile.Writer w = new RunFile.Writer(bytes)) {
            for (int i = 0; i < in.size(); i++) {
                w.append(in, i);
            }
        }
        List<Reading> back = new ArrayList<>();
        Utf8Pool other = new Utf8Pool();
        try (RunFile.Reader r = new RunFile.Reader("test", new ByteArrayInputStream(bytes.toByteArray()), other)) {
            for (ReadingBatch b; (b = r.next()) != null; ) {
                for (int i = 0; i < b.size(); i++) {
                    back.add(b.toReading(i, other));
                }
            }
        }
        assertThat(back).isEqualTo(rows);
        assertThat(bytes.size()).as("compact: %s bytes for %s rows", bytes.size(), rows.size()).isLessThan(rows.size() * 20);
    }

    @Test
    void aTruncatedRunFileFailsNamingIt() throws Exception {
        Utf8Pool pool = new Utf8Pool();
        ReadingBatch in = new ReadingBatch(16);
        randomRows(5_000, 5).forEach(r -> in.append(r, pool));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RunFile.Writer w = new RunFile.Writer(bytes)) {
            for (int i = 0; i < in.size(); i++) {
                w.append(in, i);
            }
        }
        byte[] cut = java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
        assertThatThrownBy(() -> {
            try (RunFile.Reader r = new RunFile.Reader("g-00001/s-00002.run", new ByteArrayInputStream(cut), pool)) {
                while (r.next() != null) {
                    // read to the end
                }
            }
        }).hasMessageContaining("g-00001/s-00002.run");
    }

    @Test
    void aMergeInputThatGoesBackwardsIsNamed() throws Exception {
        Utf8Pool pool = new Utf8Pool();
        ReadingBatch sorted = new ReadingBatch(4);
        ReadingBatch unsorted = new ReadingBatch(4);
        for (int t : new int[] {1, 2, 3}) {
            sorted.append(new Reading("a", t, "m", 0, null, null, null, Map.of(), "s", "r"), pool);
        }
        for (int t : new int[] {5, 4}) {
            unsorted.append(new Reading("a", t, "m", 0, null, null, null, Map.of(), "s", "r"), pool);
        }
        assertThatThrownBy(() -> drain(List.of(stream("good", sorted), stream("bad.parquet", unsorted)), pool))
                .isInstanceOf(OutOfOrderException.class).hasMessageContaining("bad.parquet");
    }

    private static RowStream stream(String name, ReadingBatch rows) {
        return new RowStream() {
            private boolean done;

            @Override
            public ReadingBatch next() {
                if (done) {
                    return null;
                }
                done = true;
                return rows;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public void close() {}
        };
    }
}
