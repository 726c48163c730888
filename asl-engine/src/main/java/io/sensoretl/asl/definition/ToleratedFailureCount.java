package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;

/** Distributed Map ToleratedFailureCount / ToleratedFailureCountPath: how many failed items a run tolerates. */
public record ToleratedFailureCount(ValueSource source) {
    static final String FIELD = "ToleratedFailureCount";

    static ToleratedFailureCount parse(JsonNode state) {
        return new ToleratedFailureCount(MapLimit.parse(state, FIELD));
    }

    JsonNode value(ValueContext context) {
        return MapLimit.value(source, FIELD, context);
    }

    /** @return null when absent */
    Long resolve(JsonNode value, ValueContext context) {
        if (value == null) {
            return null;
        }
        long count = MapLimit.integer(value, FIELD, source, context);
        if (count < 0) {
            throw context.runtimeError("ToleratedFailureCount cannot be negative.");
        }
        return count;
    }
}
