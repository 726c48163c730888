package io.sensoretl.compact;

import java.nio.charset.StandardCharsets;

/**
 * An input that was to be merged as sorted by {@code (sensor_id, ts)} is not: a file whose footer
 * declared the order wrongly, or a curated version written under another order. Compaction catches
 * it, discards what it wrote, and sorts that input instead of merging it.
 */
final class OutOfOrderException extends RuntimeException {
    private final String input;

    OutOfOrderException(String input, byte[] previousSensor, long previousTs, byte[] sensor, long ts) {
        super(input + " is not in (sensor_id, ts) order: " + new String(sensor, StandardCharsets.UTF_8) + "@" + ts
                + " follows " + new String(previousSensor, StandardCharsets.UTF_8) + "@" + previousTs);
        this.input = input;
    }

    /** The input (file name) that broke the order. */
    String input() {
        return input;
    }
}
