package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;

/** InputPath/OutputPath: absent means "$", an explicit null (a null path here) means an empty object. */
public record PathSpec(ValueSource.Reference path) {
    public static final PathSpec ROOT = new PathSpec(ValueSource.Reference.parse("$"));
    public static final PathSpec NULL = new PathSpec(null);

    public boolean isNull() {
        return path == null;
    }

    static PathSpec parse(JsonNode state, String field) {
        if (!state.has(field)) {
            return ROOT;
        }
        return state.get(field).isNull() ? NULL : new PathSpec(ValueSource.Reference.parse(state.get(field).asText()));
    }
}
