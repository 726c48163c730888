package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;

/** The fields every state type shares; JSONata-only and JSONPath-only fields are null when unused. */
public record StateCommon(String name, String type, QueryLanguage queryLanguage, Transition transition,
                          PathSpec inputPath, PathSpec outputPath, JsonNode assign, JsonNode output) {

    /** @param machineLanguage the enclosing machine's query language, which the state inherits unless it names one */
    public static StateCommon parse(String name, JsonNode state, QueryLanguage machineLanguage) {
        QueryLanguage ql = state.has("QueryLanguage") ? QueryLanguage.parse(state.get("QueryLanguage").asText())
                : machineLanguage;
        Transition transition = state.path("End").asBoolean(false) ? Transition.END
                : new Transition(state.has("Next") ? state.get("Next").asText() : null, false);
        return new StateCommon(name, state.path("Type").asText(), ql, transition, PathSpec.parse(state, "InputPath"),
                PathSpec.parse(state, "OutputPath"), state.get("Assign"), state.get("Output"));
    }
}
