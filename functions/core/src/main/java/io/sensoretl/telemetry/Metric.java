package io.sensoretl.telemetry;

import java.util.Objects;

/** One metric value of an invocation, e.g. {@code RecordsIn = 1200 Count}. */
public record Metric(String name, double value, Unit unit) {
    public Metric {
        Objects.requireNonNull(name, "metric name");
        Objects.requireNonNull(unit, "metric unit");
        if (name.isBlank() || name.length() > 255) {
            throw new IllegalArgumentException("metric name must be 1-255 characters, got '" + name + "'");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("metric " + name + " must be a finite number, got " + value);
        }
    }
}
