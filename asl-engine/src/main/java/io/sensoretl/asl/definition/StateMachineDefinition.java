package io.sensoretl.asl.definition;

import java.util.Map;

/** A parsed machine, branch or item processor: StartAt and its states in definition order. */
public record StateMachineDefinition(String startAt, Map<String, State> states, QueryLanguage queryLanguage,
                                     Integer timeoutSeconds) {
    public State state(String name) {
        return states.get(name);
    }
}
