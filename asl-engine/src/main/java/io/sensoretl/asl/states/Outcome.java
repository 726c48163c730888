package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.definition.Transition;
import java.util.Map;

/** A state's result: its output, where to go, and the variables it assigns once it completes. */
record Outcome(JsonNode output, Transition transition, Map<String, JsonNode> assignments) {}
