package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.jsonata.JsonataExpression;

/**
 * The rules MaxConcurrency and the failure tolerance share: a literal (a "{% %}" string is JSONata in
 * either query language) or a *Path, which may reference a number written as a string ("1"), as AWS accepts.
 */
final class MapLimit {
    private MapLimit() {}

    static ValueSource parse(JsonNode state, String field) {
        JsonNode literal = state.get(field);
        if (literal != null) {
            return literal.isTextual() && JsonataExpression.isExpression(literal.textValue())
                    ? new ValueSource.Jsonata(literal) : new ValueSource.Literal(literal);
        }
        JsonNode path = state.get(field + "Path");
        return path == null || path.isNull() ? null : ValueSource.Reference.parse(path.asText());
    }

    /** @return null when the field is absent */
    static JsonNode value(ValueSource source, String field, ValueContext context) {
        if (source == null) {
            return null;
        }
        JsonNode v = source.value(field, context.input(), context);
        if (v == null) {
            throw context.runtimeError("The " + field + "Path field refers to no value: " + source.pathText());
        }
        return source instanceof ValueSource.Reference ? numericText(v) : v;
    }

    private static JsonNode numericText(JsonNode v) {
        if (v.isTextual()) {
            try {
                return Json.parse(v.textValue().strip()).isNumber() ? Json.parse(v.textValue().strip()) : v;
            } catch (IllegalArgumentException e) {
                return v;
            }
        }
        return v;
    }

    static long integer(JsonNode v, String field, ValueSource source, ValueContext context) {
        if (!v.isNumber() || v.doubleValue() != Math.rint(v.doubleValue())) {
            throw notNumber(v, field, source, "integer", context);
        }
        return v.longValue();
    }

    static RuntimeException notNumber(JsonNode v, String field, ValueSource source, String kind, ValueContext context) {
        String shown = v.isTextual() ? v.textValue() : Json.write(v);
        if (source.pathText() == null) {
            return context.runtimeError("The " + field + " field refers to value \"" + shown + "\" which is not a valid "
                    + kind + ".");
        }
        return context.runtimeError("The " + field + "Path field refers to value \"" + shown + "\" which is not a valid "
                + kind + ": " + source.pathText());
    }
}
