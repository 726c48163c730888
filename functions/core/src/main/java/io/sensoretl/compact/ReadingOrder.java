package io.sensoretl.compact;

import io.sensoretl.reading.Reading;
import java.util.Comparator;

/**
 * The order of rows inside curated files: {@code (sensor_id, ts)} so Parquet min/max statistics
 * let Athena skip row groups for sensor and time predicates. The remaining columns only break ties,
 * so that the same inputs always give byte-identical output (re-runs are then indistinguishable).
 */
public final class ReadingOrder {
    private ReadingOrder() {}

    public static final Comparator<Reading> CURATED = Comparator
            .comparing(Reading::sensorId)
            .thenComparingLong(Reading::tsMicros)
            .thenComparing(Reading::metric)
            .thenComparing(Reading::runId)
            .thenComparing(Reading::sourceKey)
            .thenComparingDouble(Reading::value);

    /** The sort key only: what the order guarantee of curated files is about. */
    public static final Comparator<Reading> SENSOR_TIME = Comparator
            .comparing(Reading::sensorId)
            .thenComparingLong(Reading::tsMicros);
}
