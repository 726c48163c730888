package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;

/** What a state type's parser needs beyond its own node: the machines nested in it. */
@FunctionalInterface
public interface Parsing {
    /** A Parallel branch or a Map item processor; it keeps the enclosing machine's query language unless it names one. */
    StateMachineDefinition machine(JsonNode node);
}
