package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.definition.PassState;
import io.sensoretl.asl.definition.QueryLanguage;
import io.sensoretl.asl.jsonata.JsonataBindings;
import io.sensoretl.asl.runtime.StateEnv;
import java.util.Map;

/** Pass: the result is Result, else Parameters applied to the input, else the input itself. */
final class PassHandler implements StateHandler<PassState> {
    @Override
    public Outcome run(PassState state, JsonNode raw, StateEnv env) {
        if (state.queryLanguage() == QueryLanguage.JSONATA) {
            JsonataBindings bindings = env.bindings(raw, null, null);
            JsonNode out = JsonataFlow.output(state.common().output(), raw, bindings, env);
            Map<String, JsonNode> vars = JsonataFlow.assign(state.common().assign(), bindings, env);
            return new Outcome(out, state.common().transition(), vars);
        }
        JsonNode input = JsonPathFlow.inputPath(state.common().inputPath(), raw, env);
        env.inspect("afterInputPath", input);
        JsonNode result = state.result() != null ? state.result() : JsonPathFlow.template(state.parameters(), input, env);
        env.inspect("afterParameters", result);
        Map<String, JsonNode> vars = JsonPathFlow.assign(state.common().assign(), result, env);
        JsonNode out = JsonPathFlow.resultPath(state.resultPath(), raw, result, env);
        env.inspect("afterResultPath", out);
        out = JsonPathFlow.outputPath(state.common().outputPath(), out, env);
        return new Outcome(out, state.common().transition(), vars);
    }
}
