package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.jsonata.JsonataBindings;
import io.sensoretl.asl.jsonata.JsonataExpression;
import io.sensoretl.asl.payload.JsonataTemplate;
import io.sensoretl.asl.runtime.StateEnv;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSONata input/output processing: Arguments, Output and Assign evaluated against $states. */
final class JsonataFlow {
    private JsonataFlow() {}

    static JsonNode value(JsonNode template, String field, JsonataBindings bindings, StateEnv env) {
        return JsonataTemplate.evaluate(template, field, bindings, env);
    }

    /**
     * A field whose JSONata result must have one JSON type; AWS words a mismatch as below (see the Items
     * vectors), naming the expression, the field, the expected and the actual type.
     */
    static JsonNode typed(JsonNode template, String field, String expectedType, JsonataBindings bindings, StateEnv env) {
        JsonNode value = value(template, field, bindings, env);
        if (!Json.typeName(value).equals(expectedType)) {
            String source = template.isTextual() && JsonataExpression.isExpression(template.textValue())
                    ? JsonataExpression.of(template.textValue()).source() : Json.write(template);
            throw env.runtimeError(StatesErrorName.QUERY_EVALUATION_ERROR, "The JSONata expression '" + source
                    + "' specified for the field '" + field + "' returned an unexpected result type. Expected '"
                    + expectedType + "', but was '" + Json.typeName(value) + "' for value: " + Json.write(value));
        }
        return value;
    }

    static JsonNode output(JsonNode outputTemplate, JsonNode defaultValue, JsonataBindings bindings, StateEnv env) {
        return outputTemplate == null ? defaultValue : value(outputTemplate, "Output", bindings, env);
    }

    static Map<String, JsonNode> assign(JsonNode assign, JsonataBindings bindings, StateEnv env) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (assign == null) {
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> it = assign.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), value(e.getValue(), "Assign/" + e.getKey(), bindings, env));
        }
        return out;
    }
}
