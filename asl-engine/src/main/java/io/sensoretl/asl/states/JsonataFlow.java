package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.jsonata.JsonataBindings;
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
