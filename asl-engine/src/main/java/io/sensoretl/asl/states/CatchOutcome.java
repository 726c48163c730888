package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.definition.Catcher;
import io.sensoretl.asl.definition.QueryLanguage;
import io.sensoretl.asl.definition.State;
import io.sensoretl.asl.definition.Transition;
import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.jsonata.JsonataBindings;
import io.sensoretl.asl.retry.ErrorHandlingRunner;
import io.sensoretl.asl.runtime.StateEnv;
import java.util.Map;

/** The outcome of a caught failure: the error output placed by ResultPath (JSONPath) or shaped by Output (JSONata). */
final class CatchOutcome {
    private CatchOutcome() {}

    static Outcome of(State state, Catcher catcher, FailureException failure, JsonNode raw, StateEnv env) {
        JsonNode errorOutput = ErrorHandlingRunner.errorOutput(failure);
        Transition next = new Transition(catcher.next(), false);
        if (state.queryLanguage() == QueryLanguage.JSONATA) {
            JsonataBindings bindings = env.bindings(raw, null, errorOutput);
            JsonNode out = JsonataFlow.output(catcher.output(), errorOutput, bindings, env);
            Map<String, JsonNode> vars = JsonataFlow.assign(catcher.assign(), bindings, env);
            return new Outcome(out, next, vars);
        }
        Map<String, JsonNode> vars = JsonPathFlow.assign(catcher.assign(), errorOutput, env);
        return new Outcome(JsonPathFlow.resultPath(catcher.resultPath(), raw, errorOutput, env), next, vars);
    }
}
