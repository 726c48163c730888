package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.path.JsonPath;

/**
 * Where a field's value comes from, decided once when the definition is loaded: the value itself, a
 * reference path (the field's {@code *Path} twin, parsed here) or a JSONata template evaluated per run.
 */
public sealed interface ValueSource {

    /**
     * The value in this run: the literal, the evaluated template, or what the path selects in data (null
     * when it selects nothing).
     *
     * @param field the field named in JSONata errors
     */
    JsonNode value(String field, JsonNode data, ValueContext context);

    /** The reference path as written, for messages; null unless this is a {@link Reference}. */
    default String pathText() {
        return null;
    }

    /** A value written in the definition. */
    record Literal(JsonNode value) implements ValueSource {
        @Override
        public JsonNode value(String field, JsonNode data, ValueContext context) {
            return value;
        }
    }

    /** A reference path into the input, the context object or a variable. */
    record Reference(String text, JsonPath path) implements ValueSource {
        /** @throws IllegalArgumentException naming the path when it is not a valid reference path */
        public static Reference parse(String text) {
            return new Reference(text, JsonPath.parse(text));
        }

        @Override
        public JsonNode value(String field, JsonNode data, ValueContext context) {
            return context.select(path, data);
        }

        @Override
        public String pathText() {
            return text;
        }
    }

    /** A JSONata template: a {@code {% %}} string, or any value whose strings may hold expressions. */
    record Jsonata(JsonNode template) implements ValueSource {
        @Override
        public JsonNode value(String field, JsonNode data, ValueContext context) {
            return context.jsonata(template, field);
        }
    }
}
