package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.json.Json;

/** ItemReader ReaderConfig MaxItems / MaxItemsPath: how many items to read at most (0 or absent: all). */
public record MaxItems(ValueSource source) {
    static final String FIELD = "MaxItems";

    /** JSONata states take MaxItems only (a value or an expression); JSONPath states take MaxItems or MaxItemsPath. */
    static MaxItems parse(JsonNode readerConfig, QueryLanguage language) {
        if (readerConfig.has(FIELD)) {
            JsonNode value = readerConfig.get(FIELD);
            return new MaxItems(language == QueryLanguage.JSONATA ? new ValueSource.Jsonata(value)
                    : new ValueSource.Literal(value));
        }
        if (language == QueryLanguage.JSONPATH && readerConfig.has(FIELD + "Path")) {
            return new MaxItems(ValueSource.Reference.parse(readerConfig.get(FIELD + "Path").asText()));
        }
        return new MaxItems(null);
    }

    /** @return null when absent; a path may reference an integer written as a string */
    public Long resolve(ValueContext context) {
        if (source == null) {
            return null;
        }
        JsonNode v = source.value(FIELD, context.input(), context);
        if (!(source instanceof ValueSource.Reference)) {
            return v.asLong();
        }
        if (v != null && v.isTextual() && v.textValue().strip().matches("-?\\d+")) {
            v = Json.NODES.numberNode(Long.parseLong(v.textValue().strip()));
        }
        if (v == null || !v.isIntegralNumber()) {
            throw context.runtimeError("The MaxItemsPath field refers to value \"" + (v == null ? "null" : v.asText())
                    + "\" which is not a valid integer: " + source.pathText());
        }
        return v.asLong();
    }
}
