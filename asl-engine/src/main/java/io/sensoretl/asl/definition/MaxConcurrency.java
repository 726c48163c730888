package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;

/** Map MaxConcurrency / MaxConcurrencyPath: iterations in flight at once; 0 (or absent) means no limit. */
public record MaxConcurrency(ValueSource source) {
    static final String FIELD = "MaxConcurrency";

    static MaxConcurrency parse(JsonNode state) {
        return new MaxConcurrency(MapLimit.parse(state, FIELD));
    }

    /** @return the value in this run, null when absent */
    JsonNode value(ValueContext context) {
        return MapLimit.value(source, FIELD, context);
    }

    int resolve(JsonNode value, ValueContext context) {
        if (value == null) {
            return 0;
        }
        int max = (int) MapLimit.integer(value, FIELD, source, context);
        if (max < 0) {
            throw context.runtimeError("MaxConcurrency cannot be negative.");
        }
        return max;
    }
}
