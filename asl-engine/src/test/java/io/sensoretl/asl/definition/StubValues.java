package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.path.JsonPath;
import io.sensoretl.asl.path.PathNotFoundException;
import java.util.ArrayList;
import java.util.List;

/** A running state for typed fields to resolve against: paths evaluate on the input, JSONata is recorded. */
final class StubValues implements ValueContext {
    final List<String> jsonataFields = new ArrayList<>();
    private final JsonNode input;
    private final JsonNode jsonataResult;

    StubValues(String input, String jsonataResult) {
        this.input = Json.parse(input);
        this.jsonataResult = jsonataResult == null ? null : Json.parse(jsonataResult);
    }

    @Override
    public JsonNode rawInput() {
        return input;
    }

    @Override
    public JsonNode input() {
        return input;
    }

    @Override
    public JsonNode select(JsonPath path, JsonNode data) {
        try {
            return path.evaluate(data);
        } catch (PathNotFoundException e) {
            return null;
        }
    }

    @Override
    public JsonNode jsonata(JsonNode template, String field) {
        jsonataFields.add(field + "=" + template.asText());
        return jsonataResult;
    }

    @Override
    public JsonNode template(JsonNode template, String field) {
        return jsonata(template, field);
    }

    @Override
    public FailureException runtimeError(String message) {
        return new FailureException(StatesErrorName.RUNTIME, message);
    }
}
