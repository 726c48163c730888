package io.sensoretl.columnar;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReadingDictionariesTest {

    @Test
    void fullOnceAnyDictionaryHoldsTheMaximumEntriesAndNotAfterClear() {
        ReadingDictionaries d = new ReadingDictionaries();
        for (int i = 0; i < ReadingDictionaries.MAX_ENTRIES - 1; i++) {
            d.attributeValues.intern("v" + i);
        }
        assertFalse(d.full());
        d.attributeValues.intern("v0"); // a repeat adds nothing
        assertFalse(d.full());
        d.attributeValues.intern("last");
        assertTrue(d.full());
        d.clear();
        assertFalse(d.full());
        d.units.intern("degC");
        assertFalse(d.full());
    }

    @Test
    void fullOnceAnyDictionaryHoldsTheMaximumBytes() {
        ReadingDictionaries d = new ReadingDictionaries();
        byte[] big = new byte[1 << 16];
        int n = ReadingDictionaries.MAX_BYTES / big.length;
        for (int i = 0; i < n - 1; i++) {
            byte[] tag = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(tag, 0, big, 0, tag.length);
            big[tag.length] = '-';
            d.sensorIds.intern(big, 0, big.length);
        }
        assertFalse(d.full());
        big[0] = 'x';
        d.sensorIds.intern(big, 0, big.length);
        assertTrue(d.full());
    }
}
