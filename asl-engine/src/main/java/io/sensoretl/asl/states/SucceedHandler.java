package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.definition.QueryLanguage;
import io.sensoretl.asl.definition.SucceedState;
import io.sensoretl.asl.definition.Transition;
import io.sensoretl.asl.runtime.StateEnv;
import java.util.Map;

/** Succeed: ends its machine, branch or iteration with the (filtered) input as output. */
final class SucceedHandler implements StateHandler<SucceedState> {
    @Override
    public Outcome run(SucceedState state, JsonNode raw, StateEnv env) {
        if (state.queryLanguage() == QueryLanguage.JSONATA) {
            JsonNode out = JsonataFlow.output(state.common().output(), raw, env.bindings(raw, null, null), env);
            return new Outcome(out, Transition.END, Map.of());
        }
        JsonNode input = JsonPathFlow.inputPath(state.common().inputPath(), raw, env);
        return new Outcome(JsonPathFlow.outputPath(state.common().outputPath(), input, env), Transition.END, Map.of());
    }
}
