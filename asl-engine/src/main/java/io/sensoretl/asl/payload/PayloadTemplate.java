package io.sensoretl.asl.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.intrinsics.IntrinsicEvaluator;
import io.sensoretl.asl.intrinsics.IntrinsicExpression;
import io.sensoretl.asl.intrinsics.IntrinsicFailure;
import io.sensoretl.asl.intrinsics.IntrinsicParser;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.path.JsonPath;
import io.sensoretl.asl.path.PathNotFoundException;
import io.sensoretl.asl.runtime.StateEnv;
import java.util.Iterator;
import java.util.Map;

/** JSONPath payload templates (Parameters, ResultSelector, ItemSelector, Assign): keys ending in ".$" are evaluated. */
public final class PayloadTemplate {
    private PayloadTemplate() {}

    public static JsonNode evaluate(JsonNode template, JsonNode data, StateEnv env) {
        if (template.isObject()) {
            ObjectNode out = Json.object();
            Iterator<Map.Entry<String, JsonNode>> it = template.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                if (key.endsWith(".$")) {
                    out.set(key.substring(0, key.length() - 2), expression(key, e.getValue().asText(), data, env));
                } else {
                    out.set(key, evaluate(e.getValue(), data, env));
                }
            }
            return out;
        }
        if (template.isArray()) {
            ArrayNode out = Json.array();
            template.forEach(n -> out.add(evaluate(n, data, env)));
            return out;
        }
        return template;
    }

    /** A ".$" value: an intrinsic call or a path into the data, the context object or a variable. */
    public static JsonNode expression(String field, String expression, JsonNode data, StateEnv env) {
        if (IntrinsicExpression.looksLikeCall(expression)) {
            IntrinsicExpression.Call call = IntrinsicParser.parse(expression);
            IntrinsicEvaluator evaluator = new IntrinsicEvaluator(p -> pathValue(field, p, data, env),
                    env.services().intrinsics());
            try {
                return evaluator.evaluate(call);
            } catch (IntrinsicFailure e) {
                throw env.runtimeError(StatesErrorName.INTRINSIC_FAILURE, e.getMessage());
            }
        }
        return pathValue(field, JsonPath.parse(expression), data, env);
    }

    private static JsonNode pathValue(String field, JsonPath path, JsonNode data, StateEnv env) {
        try {
            return env.resolve(path, data);
        } catch (PathNotFoundException e) {
            throw env.runtimeError(StatesErrorName.RUNTIME, "The JSONPath '" + path.text() + "' specified for the field '"
                    + field + "' could not be found in the input '" + Json.write(data) + "'");
        }
    }
}
