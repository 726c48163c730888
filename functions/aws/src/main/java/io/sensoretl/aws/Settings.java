package io.sensoretl.aws;

import java.util.Map;
import java.util.Optional;

/**
 * A function's settings: its environment, read once by the handler's no-argument constructor
 * ({@code Settings.of(System.getenv())}) and passed in, so nothing below the constructor reads the
 * environment and tests pass a map. A blank value counts as unset.
 */
public final class Settings {
    private static final Settings NONE = new Settings(Map.of());

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Settings of(Map<String, String> values) {
        return new Settings(values);
    }

    public static Settings none() {
        return NONE;
    }

    public Optional<String> optional(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** @throws IllegalStateException naming the variable when it is not set (a deployment problem, not bad input) */
    public String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException("environment variable " + name + " is not set"));
    }

    public long longValue(String name, long fallback) {
        Optional<String> v = optional(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.get());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("environment variable " + name + " must be a whole number, found '" + v.get() + "'");
        }
    }

    public int intValue(String name, int fallback) {
        long v = longValue(name, fallback);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalStateException("environment variable " + name + " is out of range: " + v);
        }
        return (int) v;
    }

    /** The values as a map (for settings objects of the core that read a map, e.g. CompactionConfig). */
    public Map<String, String> asMap() {
        return values;
    }
}
