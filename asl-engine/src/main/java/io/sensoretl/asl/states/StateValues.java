package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.definition.QueryLanguage;
import io.sensoretl.asl.definition.ValueContext;
import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.jsonata.JsonataBindings;
import io.sensoretl.asl.path.JsonPath;
import io.sensoretl.asl.payload.JsonataTemplate;
import io.sensoretl.asl.payload.PayloadTemplate;
import io.sensoretl.asl.runtime.StateEnv;

/** The running state as typed definition fields see it: its input, $states, paths, templates and errors. */
final class StateValues implements ValueContext {
    private final StateEnv env;
    private final JsonNode raw;
    private final JsonNode input;
    private JsonataBindings bindings;

    private StateValues(StateEnv env, JsonNode raw, JsonNode input) {
        this.env = env;
        this.raw = raw;
        this.input = input;
    }

    /** @param input the input after InputPath (JSONPath states) or the raw input (JSONata states) */
    static StateValues of(StateEnv env, JsonNode raw, JsonNode input) {
        return new StateValues(env, raw, input);
    }

    @Override
    public JsonNode rawInput() {
        return raw;
    }

    @Override
    public JsonNode input() {
        return input;
    }

    @Override
    public JsonNode select(JsonPath path, JsonNode data) {
        return env.resolveOrNull(path, data);
    }

    @Override
    public JsonNode jsonata(JsonNode template, String field) {
        return JsonataTemplate.evaluate(template, field, bindings(), env);
    }

    /** $states.input (the raw input), $states.context and the variables, made once per state run. */
    JsonataBindings bindings() {
        if (bindings == null) {
            bindings = env.bindings(raw, null, null);
        }
        return bindings;
    }

    @Override
    public JsonNode template(JsonNode template, String field) {
        if (env.state().queryLanguage() == QueryLanguage.JSONATA) {
            return jsonata(template, field);
        }
        return PayloadTemplate.evaluate(template, input, env);
    }

    @Override
    public FailureException runtimeError(String message) {
        return env.runtimeError(StatesErrorName.RUNTIME, message);
    }
}
