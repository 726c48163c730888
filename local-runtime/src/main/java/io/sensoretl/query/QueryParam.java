package io.sensoretl.query;

/**
 * A parameter a query file declares in its header: {@code -- @param name type [= default] description}.
 *
 * @param defaultValue the value used when none is given, or {@code null} when the parameter is required
 */
public record QueryParam(String name, ParamType type, String defaultValue, String description) {
    public boolean required() {
        return defaultValue == null;
    }
}
