package io.sensoretl.latest;

import io.sensoretl.reading.Reading;
import java.util.Comparator;
import java.util.Objects;

/**
 * The newest reading of one series (sensor and metric), as served for low-latency lookups.
 *
 * @param runId the run that produced it; breaks ties between runs with the same timestamp so the
 *              stored value does not depend on the order in which runs finish
 */
public record LatestReading(String sensorId, String metric, long tsMicros, double value, String unit, String runId) {
    public LatestReading {
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(runId, "runId");
    }

    /** "Newer" as the conditional write decides it: later time first, then the larger run id. */
    public static final Comparator<LatestReading> RECENCY = Comparator
            .comparingLong(LatestReading::tsMicros)
            .thenComparing(LatestReading::runId)
            .thenComparingDouble(LatestReading::value);

    public static LatestReading of(Reading r) {
        return new LatestReading(r.sensorId(), r.metric(), r.tsMicros(), r.value(), r.unit(), r.runId());
    }

    public boolean isNewerThan(LatestReading other) {
        return RECENCY.compare(this, other) > 0;
    }

    public String seriesKey() {
        return sensorId + '\u0000' + metric;
    }
}
