package io.sensoretl.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.definition.StateMachineDefinition;

/** A validated, parsed definition ready to run; {@link AslEngine#load} makes one. */
public final class StateMachine {
    private final JsonNode document;
    private final StateMachineDefinition definition;

    StateMachine(JsonNode document, StateMachineDefinition definition) {
        this.document = document;
        this.definition = definition;
    }

    /** The definition document as it was loaded. */
    public JsonNode document() {
        return document;
    }

    StateMachineDefinition definition() {
        return definition;
    }
}
