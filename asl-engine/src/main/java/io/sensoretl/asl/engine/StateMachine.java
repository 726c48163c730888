package io.sensoretl.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.definition.StateMachineDefinition;

/** A loaded, validated definition ready to run. */
public record StateMachine(JsonNode document, StateMachineDefinition definition) {}
