package io.sensoretl.catalog;

import java.util.Map;
import java.util.Objects;

/**
 * A registered partition: its {@code dt} value, the location readers are sent to, and the
 * parameters recorded with it (compaction bookkeeping such as the run last applied).
 */
public record PartitionState(String dt, String location, Map<String, String> parameters) {
    public PartitionState {
        Objects.requireNonNull(dt, "dt");
        Objects.requireNonNull(location, "location");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
