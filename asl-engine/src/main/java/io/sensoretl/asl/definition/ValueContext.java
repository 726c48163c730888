package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.path.JsonPath;

/** What resolving a typed field needs from the state that is running. */
public interface ValueContext {
    /** The state's raw input. */
    JsonNode rawInput();

    /** The input the state works on: after InputPath in a JSONPath state, the raw input in a JSONata one. */
    JsonNode input();

    /** What the path selects in data ({@code $$} and variables resolve too), or null when it selects nothing. */
    JsonNode select(JsonPath path, JsonNode data);

    /** Evaluates a JSONata template against {@code $states}; field is named in evaluation errors. */
    JsonNode jsonata(JsonNode template, String field);

    /** A payload template in the state's query language: JSONata, or JSONPath ".$" keys against {@link #input()}. */
    JsonNode template(JsonNode template, String field);

    /** A States.Runtime failure, prefixed with the state and its entry event as AWS words them. */
    FailureException runtimeError(String message);
}
