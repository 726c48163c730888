package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;

/** Distributed Map ToleratedFailurePercentage / ToleratedFailurePercentagePath: 0 to 100, fractions allowed. */
public record ToleratedFailurePercentage(ValueSource source) {
    static final String FIELD = "ToleratedFailurePercentage";

    static ToleratedFailurePercentage parse(JsonNode state) {
        return new ToleratedFailurePercentage(MapLimit.parse(state, FIELD));
    }

    JsonNode value(ValueContext context) {
        return MapLimit.value(source, FIELD, context);
    }

    /** @return null when absent */
    Double resolve(JsonNode value, ValueContext context) {
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            throw MapLimit.notNumber(value, FIELD, source, "float", context);
        }
        double percentage = value.doubleValue();
        if (percentage < 0 || percentage > 100) {
            throw context.runtimeError("ToleratedFailurePercentage must be between 0 and 100.");
        }
        return percentage;
    }
}
