package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.definition.MapState;
import io.sensoretl.asl.definition.QueryLanguage;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.jsonata.JsonataBindings;
import io.sensoretl.asl.map.ItemReaderFailure;
import io.sensoretl.asl.map.ReaderSettings;
import io.sensoretl.asl.map.S3ItemReader;
import io.sensoretl.asl.path.JsonPath;
import io.sensoretl.asl.path.PathNotFoundException;
import io.sensoretl.asl.runtime.StateEnv;
import java.util.ArrayList;
import java.util.List;

/** Where a Map's items come from: ItemReader, Items (JSONata), ItemsPath, or the input itself. */
final class MapItemSource {
    private MapItemSource() {}

    static List<JsonNode> items(MapState state, JsonNode input, JsonNode raw, StateEnv env) {
        boolean jsonata = state.queryLanguage() == QueryLanguage.JSONATA;
        JsonNode items;
        if (state.itemReader() != null) {
            items = read(state.itemReader(), input, raw, env, jsonata);
        } else if (jsonata && state.items() != null) {
            items = items(state.items(), raw, env);
        } else if (!jsonata && state.itemsPath() != null) {
            try {
                items = env.resolve(JsonPath.parse(state.itemsPath()), input);
            } catch (PathNotFoundException e) {
                throw env.runtimeError(StatesErrorName.RUNTIME, "Invalid path '" + state.itemsPath() + "' : "
                        + e.getMessage());
            }
            if (!items.isArray()) {
                throw env.runtimeError(StatesErrorName.RUNTIME, "The ItemsPath field '" + state.itemsPath()
                        + "' must reference an array, but was: " + Json.write(items));
            }
        } else {
            items = input;
            if (!items.isArray()) {
                throw env.runtimeError(StatesErrorName.QUERY_EVALUATION_ERROR,
                        "Map state input must be an array but was: " + Json.write(items));
            }
        }
        List<JsonNode> out = new ArrayList<>();
        items.forEach(out::add);
        return out;
    }

    private static JsonNode items(JsonNode template, JsonNode raw, StateEnv env) {
        return JsonataFlow.typed(template, "Items", "array", env.bindings(raw, null, null), env);
    }

    private static JsonNode read(JsonNode reader, JsonNode input, JsonNode raw, StateEnv env, boolean jsonata) {
        JsonNode config = reader.path("ReaderConfig");
        JsonNode parameters;
        Long maxItems = null;
        if (jsonata) {
            JsonataBindings bindings = env.bindings(raw, null, null);
            parameters = reader.has("Arguments") ? JsonataFlow.value(reader.get("Arguments"), "Arguments", bindings, env)
                    : Json.object();
            if (config.has("MaxItems")) {
                maxItems = JsonataFlow.value(config.get("MaxItems"), "MaxItems", bindings, env).asLong();
            }
        } else {
            parameters = reader.has("Parameters") ? JsonPathFlow.template(reader.get("Parameters"), input, env)
                    : Json.object();
            if (config.has("MaxItems")) {
                maxItems = config.get("MaxItems").asLong();
            } else if (config.has("MaxItemsPath")) {
                JsonNode v = env.resolveOrNull(JsonPath.parse(config.get("MaxItemsPath").asText()), input);
                if (v != null && v.isTextual() && v.textValue().strip().matches("-?\\d+")) {
                    v = Json.NODES.numberNode(Long.parseLong(v.textValue().strip()));
                }
                if (v == null || !v.isIntegralNumber()) {
                    throw env.runtimeError(StatesErrorName.RUNTIME, "The MaxItemsPath field refers to value \""
                            + (v == null ? "null" : v.asText()) + "\" which is not a valid integer: "
                            + config.get("MaxItemsPath").asText());
                }
                maxItems = v.asLong();
            }
        }
        try {
            return new S3ItemReader(env.services().objects()).read(reader.path("Resource").asText(), parameters,
                    ReaderSettings.from(config, maxItems));
        } catch (ItemReaderFailure e) {
            throw new io.sensoretl.asl.errors.FailureException(StatesErrorName.ITEM_READER_FAILED, e.getMessage());
        }
    }
}
