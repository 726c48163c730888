package io.sensoretl.asl.map;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.definition.MapLimits;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.jsonata.JsonataBindings;
import io.sensoretl.asl.jsonata.JsonataExpression;
import io.sensoretl.asl.path.JsonPath;
import io.sensoretl.asl.payload.JsonataTemplate;
import io.sensoretl.asl.runtime.StateEnv;

/** Resolves MaxConcurrency and the failure tolerance from literals, JSONata or *Path fields. */
public final class MapLimitsResolver {
    private MapLimitsResolver() {}

    /** Resolved limits; percentage/count are null when not given. */
    public record Resolved(int maxConcurrency, Long toleratedFailureCount, Double toleratedFailurePercentage) {}

    public static Resolved resolve(MapLimits limits, JsonNode input, JsonataBindings bindings, StateEnv env) {
        JsonNode mc = value(limits.maxConcurrency(), limits.maxConcurrencyPath(), "MaxConcurrency", input, bindings, env);
        JsonNode count = value(limits.toleratedFailureCount(), limits.toleratedFailureCountPath(), "ToleratedFailureCount",
                input, bindings, env);
        JsonNode pct = value(limits.toleratedFailurePercentage(), limits.toleratedFailurePercentagePath(),
                "ToleratedFailurePercentage", input, bindings, env);
        int max = 0;
        if (mc != null) {
            max = (int) integer(mc, "MaxConcurrency", limits.maxConcurrencyPath(), env);
            if (max < 0) {
                throw env.runtimeError(StatesErrorName.RUNTIME, "MaxConcurrency cannot be negative.");
            }
        }
        Long c = null;
        if (count != null) {
            c = integer(count, "ToleratedFailureCount", limits.toleratedFailureCountPath(), env);
            if (c < 0) {
                throw env.runtimeError(StatesErrorName.RUNTIME, "ToleratedFailureCount cannot be negative.");
            }
        }
        Double p = null;
        if (pct != null) {
            if (!pct.isNumber()) {
                throw notNumber("ToleratedFailurePercentage", limits.toleratedFailurePercentagePath(), pct, "float", env);
            }
            p = pct.doubleValue();
            if (p < 0 || p > 100) {
                throw env.runtimeError(StatesErrorName.RUNTIME, "ToleratedFailurePercentage must be between 0 and 100.");
            }
        }
        return new Resolved(max, c, p);
    }

    private static JsonNode value(JsonNode literal, String path, String field, JsonNode input, JsonataBindings bindings,
                                  StateEnv env) {
        if (literal != null) {
            if (literal.isTextual() && JsonataExpression.isExpression(literal.textValue())) {
                return JsonataTemplate.evaluate(literal, field, bindings, env);
            }
            return literal;
        }
        if (path != null) {
            JsonNode v = env.resolveOrNull(JsonPath.parse(path), input);
            if (v == null) {
                throw env.runtimeError(StatesErrorName.RUNTIME, "The " + field + "Path field refers to no value: " + path);
            }
            return numericText(v);
        }
        return null;
    }

    /** A path may reference a number written as a string ("1"), which AWS accepts. */
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

    private static long integer(JsonNode v, String field, String path, StateEnv env) {
        if (!v.isNumber() || v.doubleValue() != Math.rint(v.doubleValue())) {
            throw notNumber(field, path, v, "integer", env);
        }
        return v.longValue();
    }

    private static RuntimeException notNumber(String field, String path, JsonNode v, String kind, StateEnv env) {
        String shown = v.isTextual() ? v.textValue() : Json.write(v);
        if (path == null) {
            return env.runtimeError(StatesErrorName.RUNTIME, "The " + field + " field refers to value \"" + shown
                    + "\" which is not a valid " + kind + ".");
        }
        return env.runtimeError(StatesErrorName.RUNTIME, "The " + field + "Path field refers to value \"" + shown
                + "\" which is not a valid " + kind + ": " + path);
    }
}
