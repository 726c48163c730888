package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.definition.MapState;
import io.sensoretl.asl.definition.QueryLanguage;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.jsonata.JsonataBindings;
import io.sensoretl.asl.map.Batches;
import io.sensoretl.asl.path.JsonPath;
import io.sensoretl.asl.runtime.StateEnv;
import java.util.List;

/** Evaluates a Distributed Map's ItemBatcher (literals, *Path fields or JSONata) and groups the items. */
final class ItemBatching {
    private ItemBatching() {}

    static List<JsonNode> batches(MapState state, List<JsonNode> items, JsonNode input, JsonNode raw, StateEnv env) {
        JsonNode b = state.itemBatcher();
        Long maxItems;
        Long maxBytes;
        JsonNode batchInput = null;
        if (state.queryLanguage() == QueryLanguage.JSONATA) {
            JsonataBindings bindings = env.bindings(raw, null, null);
            maxItems = b.has("MaxItemsPerBatch") ? JsonataFlow.value(b.get("MaxItemsPerBatch"), "MaxItemsPerBatch", bindings, env).asLong() : null;
            maxBytes = b.has("MaxInputBytesPerBatch") ? JsonataFlow.value(b.get("MaxInputBytesPerBatch"), "MaxInputBytesPerBatch", bindings, env).asLong() : null;
            if (b.has("BatchInput")) {
                batchInput = JsonataFlow.value(b.get("BatchInput"), "BatchInput", bindings, env);
            }
        } else {
            maxItems = number(b, "MaxItemsPerBatch", input, env);
            maxBytes = number(b, "MaxInputBytesPerBatch", input, env);
            if (b.has("BatchInput")) {
                batchInput = JsonPathFlow.template(b.get("BatchInput"), input, env);
            }
        }
        if (maxItems == null && maxBytes == null) {
            throw env.runtimeError(StatesErrorName.RUNTIME, "ItemBatcher needs MaxItemsPerBatch or MaxInputBytesPerBatch.");
        }
        return Batches.batch(items, maxItems, maxBytes, batchInput);
    }

    private static Long number(JsonNode b, String field, JsonNode input, StateEnv env) {
        if (b.has(field)) {
            return b.get(field).asLong();
        }
        if (b.has(field + "Path")) {
            JsonNode v = env.resolveOrNull(JsonPath.parse(b.get(field + "Path").asText()), input);
            if (v != null && v.isTextual() && v.textValue().strip().matches("\\d+")) {
                v = Json.NODES.numberNode(Long.parseLong(v.textValue().strip()));
            }
            if (v == null || !v.isIntegralNumber()) {
                throw env.runtimeError(StatesErrorName.RUNTIME, "The " + field + "Path field must reference an integer: "
                        + b.get(field + "Path").asText());
            }
            return v.asLong();
        }
        return null;
    }
}
