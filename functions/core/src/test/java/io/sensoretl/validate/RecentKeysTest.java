package io.sensoretl.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The dedupe window's table against the obvious model: a set of the last {@code capacity} keys added. */
class RecentKeysTest {

    @Test
    void remembersExactlyTheLastCapacityKeysAdded() {
        SplittableRandom random = new SplittableRandom(11);
        for (int capacity : new int[] {1, 2, 3, 7, 64, 1000}) {
            RecentKeys keys = new RecentKeys(capacity);
            ArrayDeque<Long> order = new ArrayDeque<>();
            Set<Long> model = new HashSet<>();
            // few distinct keys (many repeats, long probe chains); 0 is the table's empty marker
            long distinct = Math.max(2, capacity * 2L);
            for (int i = 0; i < 50_000; i++) {
                long key = random.nextInt(8) == 0 ? 0L : random.nextLong(distinct) * 0x100000001L;
                long stored = key == 0 ? 1L : key;
                boolean expected = !model.contains(stored);
                assertThat(keys.add(key)).as("capacity %d, step %d, key %d", capacity, i, key).isEqualTo(expected);
                if (expected) {
                    if (order.size() == capacity) {
                        model.remove(order.removeFirst());
                    }
                    order.addLast(stored);
                    model.add(stored);
                }
            }
        }
    }

    @Test
    void keysThatCollideInTheTableAreKeptApart() {
        RecentKeys keys = new RecentKeys(4);
        // multiples of 2^40 share the slot hash's low bits often; each is still its own key
        for (long k = 1; k <= 4; k++) {
            assertThat(keys.add(k << 40)).isTrue();
        }
        for (long k = 1; k <= 4; k++) {
            assertThat(keys.add(k << 40)).isFalse();
        }
        assertThat(keys.add(5L << 40)).isTrue(); // evicts 1 << 40
        assertThat(keys.add(1L << 40)).isTrue();
        assertThat(keys.add(3L << 40)).isFalse();
    }
}
