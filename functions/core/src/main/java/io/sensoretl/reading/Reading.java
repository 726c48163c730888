package io.sensoretl.reading;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The canonical sensor reading every dump is mapped to; one row of the curated table.
 *
 * <p>The time is kept as microseconds since the epoch (UTC) rather than an {@link Instant} because
 * it is compared and written millions of times per chunk and Parquet stores it that way.
 *
 * @param lat        latitude, or {@code null} when the dump has none
 * @param lon        longitude, or {@code null} when the dump has none
 * @param attributes extra string fields carried from the source record; never {@code null}
 */
public record Reading(
        String sensorId,
        long tsMicros,
        String metric,
        double value,
        String unit,
        Double lat,
        Double lon,
        Map<String, String> attributes,
        String sourceKey,
        String runId) {

    public Reading {
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(runId, "runId");
        attributes = attributes == null ? Map.of() : attributes;
    }

    public Instant ts() {
        return Instant.ofEpochSecond(Math.floorDiv(tsMicros, 1_000_000L), Math.floorMod(tsMicros, 1_000_000L) * 1_000L);
    }

    public static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    }
}
