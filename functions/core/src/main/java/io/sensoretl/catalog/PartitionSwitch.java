package io.sensoretl.catalog;

import java.util.Map;
import java.util.Objects;

/**
 * Points partition {@code dt} at {@code location}, provided it is still where the caller last saw
 * it: {@code expectedLocation} is the location read before the new data was written, or
 * {@code null} when the partition did not exist. Applying a switch that is already in place (same
 * location) is a no-op, which makes retries safe.
 */
public record PartitionSwitch(String dt, String expectedLocation, String location, Map<String, String> parameters) {
    public PartitionSwitch {
        Objects.requireNonNull(dt, "dt");
        Objects.requireNonNull(location, "location");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public static PartitionSwitch add(String dt, String location, Map<String, String> parameters) {
        return new PartitionSwitch(dt, null, location, parameters);
    }
}
