package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.definition.State;
import io.sensoretl.asl.runtime.StateEnv;

/** Executes one state type. */
interface StateHandler<S extends State> {
    Outcome run(S state, JsonNode input, StateEnv env);
}
