package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.json.Json;

/** ItemBatcher MaxItemsPerBatch or MaxInputBytesPerBatch, each with its *Path twin in JSONPath states. */
public record BatchLimit(String field, ValueSource source) {

    static BatchLimit parse(JsonNode batcher, String field, QueryLanguage language) {
        if (batcher.has(field)) {
            JsonNode value = batcher.get(field);
            return new BatchLimit(field, language == QueryLanguage.JSONATA ? new ValueSource.Jsonata(value)
                    : new ValueSource.Literal(value));
        }
        if (language == QueryLanguage.JSONPATH && batcher.has(field + "Path")) {
            return new BatchLimit(field, ValueSource.Reference.parse(batcher.get(field + "Path").asText()));
        }
        return new BatchLimit(field, null);
    }

    /** @return null when absent; a path may reference an integer written as a string */
    public Long resolve(ValueContext context) {
        if (source == null) {
            return null;
        }
        JsonNode v = source.value(field, context.input(), context);
        if (!(source instanceof ValueSource.Reference)) {
            return v.asLong();
        }
        if (v != null && v.isTextual() && v.textValue().strip().matches("\\d+")) {
            v = Json.NODES.numberNode(Long.parseLong(v.textValue().strip()));
        }
        if (v == null || !v.isIntegralNumber()) {
            throw context.runtimeError("The " + field + "Path field must reference an integer: " + source.pathText());
        }
        return v.asLong();
    }
}
