package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.definition.ItemReader;
import io.sensoretl.asl.definition.MapState;
import io.sensoretl.asl.definition.QueryLanguage;
import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.map.ItemReaderFailure;
import io.sensoretl.asl.map.ReaderSettings;
import io.sensoretl.asl.map.S3ItemReader;
import io.sensoretl.asl.path.PathNotFoundException;
import io.sensoretl.asl.runtime.StateEnv;
import java.util.ArrayList;
import java.util.List;

/** Where a Map's items come from: ItemReader, Items (JSONata), ItemsPath, or the input itself. */
final class MapItemSource {
    private MapItemSource() {}

    static List<JsonNode> items(MapState state, StateValues values, StateEnv env) {
        boolean jsonata = state.queryLanguage() == QueryLanguage.JSONATA;
        JsonNode input = values.input();
        JsonNode items;
        if (state.itemReader() != null) {
            items = read(state.itemReader(), values, env);
        } else if (jsonata && state.items() != null) {
            items = JsonataFlow.typed(state.items(), "Items", "array", env.bindings(values.rawInput(), null, null), env);
        } else if (!jsonata && state.itemsPath() != null) {
            try {
                items = env.resolve(state.itemsPath().path(), input);
            } catch (PathNotFoundException e) {
                throw env.runtimeError(StatesErrorName.RUNTIME, "Invalid path '" + state.itemsPath().text() + "' : "
                        + e.getMessage());
            }
            if (!items.isArray()) {
                throw env.runtimeError(StatesErrorName.RUNTIME, "The ItemsPath field '" + state.itemsPath().text()
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

    private static JsonNode read(ItemReader reader, StateValues values, StateEnv env) {
        JsonNode parameters = reader.parameters(values);
        Long maxItems = reader.readerConfig().maxItems().resolve(values);
        try {
            return new S3ItemReader(env.services().objects()).read(reader.resource(), parameters,
                    ReaderSettings.from(reader.readerConfig(), maxItems));
        } catch (ItemReaderFailure e) {
            throw new FailureException(StatesErrorName.ITEM_READER_FAILED, e.getMessage());
        }
    }
}
