package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.definition.ChoiceBranch;
import io.sensoretl.asl.definition.ChoiceState;
import io.sensoretl.asl.definition.QueryLanguage;
import io.sensoretl.asl.definition.Transition;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.jsonata.JsonataBindings;
import io.sensoretl.asl.runtime.StateEnv;
import java.util.Map;

/** Choice: first matching branch wins; its Assign/Output apply, else the state's own with Default. */
final class ChoiceHandler implements StateHandler<ChoiceState> {
    @Override
    public Outcome run(ChoiceState state, JsonNode raw, StateEnv env) {
        boolean jsonata = state.queryLanguage() == QueryLanguage.JSONATA;
        JsonNode input = jsonata ? raw : JsonPathFlow.inputPath(state.common().inputPath(), raw, env);
        JsonataBindings bindings = env.bindings(raw, null, null);
        for (ChoiceBranch branch : state.choices()) {
            if (ChoiceRuleEvaluator.matches(branch.rule(), input, env, bindings)) {
                return leave(state, branch.next(), branch.assign(), branch.output(), raw, input, env, bindings);
            }
        }
        if (state.defaultNext() == null) {
            throw env.runtimeError(StatesErrorName.NO_CHOICE_MATCHED, "No Matches!");
        }
        return leave(state, state.defaultNext(), state.common().assign(), state.common().output(), raw, input, env, bindings);
    }

    private static Outcome leave(ChoiceState state, String next, JsonNode assign, JsonNode output, JsonNode raw,
                                 JsonNode input, StateEnv env, JsonataBindings bindings) {
        if (state.queryLanguage() == QueryLanguage.JSONATA) {
            JsonNode out = JsonataFlow.output(output, raw, bindings, env);
            Map<String, JsonNode> vars = JsonataFlow.assign(assign, bindings, env);
            return new Outcome(out, new Transition(next, false), vars);
        }
        Map<String, JsonNode> vars = JsonPathFlow.assign(assign, input, env);
        JsonNode out = JsonPathFlow.outputPath(state.common().outputPath(), input, env);
        return new Outcome(out, new Transition(next, false), vars);
    }
}
