package io.sensoretl.columnar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sensoretl.reading.Reading;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadingColumnsTest {

    @Test
    void swappingArraysKeepsEachBatchsRowsAndExchangesCapacity() {
        ReadingDictionaries d = new ReadingDictionaries();
        ReadingColumns small = new ReadingColumns(d, 64);
        ReadingColumns large = new ReadingColumns(d, 256);
        fill(small, d, 40, "a");
        fill(large, d, 25, "b");
        List<Reading> smallRows = rows(small);
        List<Reading> largeRows = rows(large);

        small.swapArraysWith(large);

        assertEquals(256, small.capacity());
        assertEquals(64, large.capacity());
        assertEquals(smallRows, rows(small));
        assertEquals(largeRows, rows(large));
        // both keep taking rows after the trade
        fill(small, d, 100, "c");
        assertEquals(140, small.size());
        assertEquals(smallRows, rows(small).subList(0, 40));
    }

    @Test
    void swappingIsRefusedWhenTheRowsDoNotFit() {
        ReadingDictionaries d = new ReadingDictionaries();
        ReadingColumns small = new ReadingColumns(d, 16);
        ReadingColumns large = new ReadingColumns(d, 256);
        fill(large, d, 20, "b");
        assertThrows(IllegalArgumentException.class, () -> small.swapArraysWith(large));
    }

    private static void fill(ReadingColumns b, ReadingDictionaries d, int n, String prefix) {
        for (int i = 0; i < n; i++) {
            b.add(d.sensorIds.intern(prefix + "-" + (i % 3)), 1_000_000L * i, d.metrics.intern("m" + (i % 2)), i * 0.5,
                    i % 4 == 0 ? ReadingColumns.NO_VALUE : d.units.intern("u"), i % 3 == 0, i, i % 5 == 0, -i,
                    d.sourceKeys.intern("k"), d.runIds.intern("r"));
            for (int a = 0; a < i % 3; a++) {
                b.addAttribute(d.attributeKeys.intern("k" + a), a == 1 ? ReadingColumns.NO_VALUE : d.attributeValues.intern(prefix + i));
            }
        }
    }

    private static List<Reading> rows(ReadingColumns b) {
        List<Reading> out = new ArrayList<>();
        for (int r = 0; r < b.size(); r++) {
            out.add(b.reading(r));
        }
        return out;
    }
}
