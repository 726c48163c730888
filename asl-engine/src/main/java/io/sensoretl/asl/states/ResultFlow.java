package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.definition.QueryLanguage;
import io.sensoretl.asl.definition.ResultPathSpec;
import io.sensoretl.asl.definition.State;
import io.sensoretl.asl.jsonata.JsonataBindings;
import io.sensoretl.asl.runtime.StateEnv;
import java.util.Map;

/** The data flow around states that produce a result (Task, Parallel, Map) in either query language. */
final class ResultFlow {
    private ResultFlow() {}

    /** JSONPath: InputPath then Parameters; JSONata: Arguments (or the raw input). */
    static JsonNode effectiveInput(State state, JsonNode parameters, JsonNode raw, StateEnv env) {
        if (state.queryLanguage() == QueryLanguage.JSONATA) {
            JsonNode arguments = parameters == null ? raw
                    : JsonataFlow.value(parameters, "Arguments", env.bindings(raw, null, null), env);
            env.inspect("afterArguments", arguments);
            return arguments;
        }
        JsonNode input = JsonPathFlow.inputPath(state.common().inputPath(), raw, env);
        env.inspect("afterInputPath", input);
        JsonNode effective = JsonPathFlow.template(parameters, input, env);
        env.inspect("afterParameters", effective);
        return effective;
    }

    /** JSONPath: ResultSelector, ResultPath, OutputPath; JSONata: Output. Assign sees the (selected) result. */
    static Outcome complete(State state, JsonNode resultSelector, ResultPathSpec resultPath, JsonNode raw,
                            JsonNode result, StateEnv env) {
        if (state.queryLanguage() == QueryLanguage.JSONATA) {
            JsonataBindings bindings = env.bindings(raw, result, null);
            JsonNode out = JsonataFlow.output(state.common().output(), result, bindings, env);
            Map<String, JsonNode> vars = JsonataFlow.assign(state.common().assign(), bindings, env);
            return new Outcome(out, state.common().transition(), vars);
        }
        JsonNode selected = JsonPathFlow.template(resultSelector, result, env);
        env.inspect("afterResultSelector", selected);
        Map<String, JsonNode> vars = JsonPathFlow.assign(state.common().assign(), selected, env);
        JsonNode out = JsonPathFlow.resultPath(resultPath, raw, selected, env);
        env.inspect("afterResultPath", out);
        out = JsonPathFlow.outputPath(state.common().outputPath(), out, env);
        return new Outcome(out, state.common().transition(), vars);
    }
}
