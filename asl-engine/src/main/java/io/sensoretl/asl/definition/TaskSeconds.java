package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.json.Json;

/**
 * A Task's TimeoutSeconds or HeartbeatSeconds: a positive integer given literally, by JSONata (a string in a
 * JSONata state) or by the *Path twin, which reads the raw state input.
 */
public record TaskSeconds(String field, ValueSource source) {

    static TaskSeconds parse(JsonNode state, String field, QueryLanguage language) {
        JsonNode value = state.get(field);
        if (value != null) {
            return new TaskSeconds(field, value.isTextual() && language == QueryLanguage.JSONATA
                    ? new ValueSource.Jsonata(value) : new ValueSource.Literal(value));
        }
        JsonNode path = state.get(field + "Path");
        return new TaskSeconds(field, path == null || path.isNull() ? null : ValueSource.Reference.parse(path.asText()));
    }

    /** @return the seconds for this run, null when the field is absent */
    public Long resolve(ValueContext context) {
        if (source == null) {
            return null;
        }
        JsonNode v = source.value(field, context.rawInput(), context);
        if (v == null) {
            throw context.runtimeError("The " + field + "Path parameter does not reference an input value: "
                    + source.pathText());
        }
        if (!v.isIntegralNumber() || v.longValue() <= 0) {
            throw context.runtimeError("The " + field + " value must be a positive integer, got: " + Json.write(v));
        }
        return v.longValue();
    }
}
