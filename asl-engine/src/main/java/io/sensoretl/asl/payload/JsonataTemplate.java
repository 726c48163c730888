package io.sensoretl.asl.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.jsonata.JsonataBindings;
import io.sensoretl.asl.jsonata.JsonataExpression;
import io.sensoretl.asl.jsonata.JsonataFailure;
import io.sensoretl.asl.runtime.StateEnv;
import java.util.Iterator;
import java.util.Map;

/** JSONata fields (Arguments, Output, Assign, Items, ...): every "{% %}" string inside is evaluated. */
public final class JsonataTemplate {
    private JsonataTemplate() {}

    /** @param field the field path AWS names in errors, e.g. "Output/result" */
    public static JsonNode evaluate(JsonNode template, String field, JsonataBindings bindings, StateEnv env) {
        if (template.isTextual() && JsonataExpression.isExpression(template.textValue())) {
            JsonataExpression expr = JsonataExpression.of(template.textValue());
            JsonNode value;
            try {
                value = env.services().jsonata().evaluate(expr, bindings);
            } catch (JsonataFailure e) {
                throw env.runtimeError(StatesErrorName.QUERY_EVALUATION_ERROR, "The JSONata expression '" + expr.source()
                        + "' specified for the field '" + field + "' " + e.getMessage());
            }
            if (value == null) {
                throw env.runtimeError(StatesErrorName.QUERY_EVALUATION_ERROR, "The JSONata expression '" + expr.source()
                        + "' specified for the field '" + field + "' returned nothing (undefined).");
            }
            return value;
        }
        if (template.isObject()) {
            ObjectNode out = Json.object();
            Iterator<Map.Entry<String, JsonNode>> it = template.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), evaluate(e.getValue(), field + "/" + e.getKey(), bindings, env));
            }
            return out;
        }
        if (template.isArray()) {
            ArrayNode out = Json.array();
            for (int i = 0; i < template.size(); i++) {
                out.add(evaluate(template.get(i), field + "[" + i + "]", bindings, env));
            }
            return out;
        }
        return template;
    }
}
