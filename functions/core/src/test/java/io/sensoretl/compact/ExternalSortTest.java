package io.sensoretl.compact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.reading.Reading;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalSortTest {
    @TempDir
    Path scratch;

    private static List<Reading> randomRows(int n, long seed) {
        Random random = new Random(seed);
        List<Reading> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Reading("s-" + random.nextInt(50), random.nextInt(1_000_000), "m", random.nextDouble(),
                    i % 3 == 0 ? null : "u", i % 2 == 0 ? null : 1.5, null,
                    i % 7 == 0 ? Map.of("k", "v" + i) : Map.of(), "src", "run-" + (i % 2)));
        }
        return rows;
    }

    @Test
    void spillsAndMergesInSeveralPassesToTheSameOrderAsAnInMemorySort() throws Exception {
        List<Reading> rows = randomRows(20_000, 7);
        List<Reading> sorted = new ArrayList<>();
        try (ExternalSort sort = new ExternalSort(scratch, 64 * 1024, 3, ReadingOrder.CURATED)) {
            for (Reading r : rows) {
                sort.add(r);
            }
            try (RowSource out = sort.sorted()) {
                for (Reading r; (r = out.next()) != null; ) {
                    sorted.add(r);
                }
            }
            assertThat(sort.spills()).isGreaterThan(9);
            assertThat(sort.mergePasses()).isGreaterThanOrEqualTo(2);
        }
        List<Reading> expected = new ArrayList<>(rows);
        expected.sort(ReadingOrder.CURATED);
        assertThat(sorted).isEqualTo(expected);
        try (var left = Files.list(scratch)) {
            assertThat(left).as("spill files are removed once merged").isEmpty();
        }
    }

    @Test
    void sortsInMemoryWhenTheBudgetIsNotReached() throws Exception {
        List<Reading> rows = randomRows(500, 3);
        try (ExternalSort sort = new ExternalSort(scratch, 64L * 1024 * 1024, 8, ReadingOrder.CURATED)) {
            rows.forEach(r -> {
                try {
                    sort.add(r);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            List<Reading> out = new ArrayList<>();
            try (RowSource s = sort.sorted()) {
                for (Reading r; (r = s.next()) != null; ) {
                    out.add(r);
                }
            }
            assertThat(sort.spills()).isZero();
            assertThat(out).isSortedAccordingTo(ReadingOrder.CURATED).hasSize(500);
        }
    }

    @Test
    void mergeRefusesAnInputThatIsNotSorted() throws Exception {
        Reading late = new Reading("a", 2, "m", 0, null, null, null, Map.of(), "s", "r");
        Reading early = new Reading("a", 1, "m", 0, null, null, null, Map.of(), "s", "r");
        RowSource unsorted = new RowSource() {
            private final java.util.Iterator<Reading> it = List.of(late, early).iterator();

            @Override
            public Reading next() {
                return it.hasNext() ? it.next() : null;
            }

            @Override
            public void close() {}
        };
        try (KWayMerge merge = new KWayMerge(List.of(unsorted), ReadingOrder.CURATED)) {
            merge.next();
            assertThatThrownBy(merge::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("not sorted");
        }
    }
}
