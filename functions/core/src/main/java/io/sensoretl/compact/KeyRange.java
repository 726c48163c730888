package io.sensoretl.compact;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sensoretl.reading.ReadingBatch;

/**
 * The rows of one slice of a partition: keys from {@code from} (inclusive) up to {@code to}
 * (exclusive); {@code null} bounds are open. Every row with the same {@code (sensor_id, ts)} falls
 * in the same slice, so slices partition the rows exactly.
 */
public record KeyRange(@JsonProperty("from") SortKey from, @JsonProperty("to") SortKey to) {
    public static final KeyRange ALL = new KeyRange(null, null);

    public KeyRange {
        if (from != null && to != null && from.compareTo(to) >= 0) {
            throw new IllegalArgumentException("empty key range " + from + " .. " + to);
        }
    }

    public boolean isAll() {
        return from == null && to == null;
    }

    /** A matcher with the bounds' bytes computed once. */
    Matcher matcher() {
        return new Matcher(this);
    }

    static final class Matcher {
        private final SortKey from;
        private final SortKey to;
        private final byte[] fromBytes;
        private final byte[] toBytes;

        Matcher(KeyRange r) {
            from = r.from;
            to = r.to;
            fromBytes = from == null ? null : from.sensorBytes();
            toBytes = to == null ? null : to.sensorBytes();
        }

        /** Row {@code i} sorts before the range. */
        boolean below(ReadingBatch c, int i) {
            return from != null && from.compareTo(fromBytes, c, i) > 0;
        }

        /** Row {@code i} sorts at or after the range's end. */
        boolean above(ReadingBatch c, int i) {
            return to != null && to.compareTo(toBytes, c, i) <= 0;
        }

        /** Smallest and largest sensor id the range may hold, for row-group statistics; null = open. */
        byte[] minSensor() {
            return fromBytes;
        }

        byte[] maxSensor() {
            return toBytes;
        }
    }

    @Override
    public String toString() {
        return "[" + (from == null ? "-inf" : from) + ", " + (to == null ? "+inf" : to) + ")";
    }
}
