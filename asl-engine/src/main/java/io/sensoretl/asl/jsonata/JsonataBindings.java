package io.sensoretl.asl.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.json.Json;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;

/** What a JSONata expression can see: {@code $states} and the workflow variables, as JSONata-native values. */
public record JsonataBindings(Map<String, Object> states, Map<String, JsonNode> variables) {

    public static JsonataBindings of(JsonNode input, JsonNode result, JsonNode errorOutput, JsonNode context,
                                     Map<String, JsonNode> variables) {
        Map<String, Object> states = new LinkedHashMap<>();
        states.put("input", toJsonata(input));
        if (result != null) {
            states.put("result", toJsonata(result));
        }
        if (errorOutput != null) {
            states.put("errorOutput", toJsonata(errorOutput));
        }
        states.put("context", toJsonata(context));
        return new JsonataBindings(states, variables);
    }

    /** JSON null must stay distinguishable from "undefined", which the library models as Java null. */
    static Object toJsonata(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        if (node.isNull()) {
            return com.dashjoin.jsonata.Jsonata.NULL_VALUE;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                map.put(e.getKey(), toJsonata(e.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(n -> list.add(toJsonata(n)));
            return list;
        }
        return Json.toJava(node);
    }
}
