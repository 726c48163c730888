package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.definition.FailState;
import io.sensoretl.asl.definition.QueryLanguage;
import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.jsonata.JsonataBindings;
import io.sensoretl.asl.payload.PayloadTemplate;
import io.sensoretl.asl.runtime.StateEnv;

/** Fail: raises Error/Cause, given literally, by ErrorPath/CausePath (paths or intrinsics) or by JSONata. */
final class FailHandler implements StateHandler<FailState> {
    @Override
    public Outcome run(FailState state, JsonNode raw, StateEnv env) {
        String error;
        String cause;
        if (state.queryLanguage() == QueryLanguage.JSONATA) {
            JsonataBindings bindings = env.bindings(raw, null, null);
            error = text(state.error() == null ? null : JsonataFlow.value(state.error(), "Error", bindings, env), "Error", env);
            cause = text(state.cause() == null ? null : JsonataFlow.value(state.cause(), "Cause", bindings, env), "Cause", env);
        } else {
            error = state.errorPath() != null
                    ? text(PayloadTemplate.expression("ErrorPath", state.errorPath(), raw, env), "ErrorPath", env)
                    : text(state.error(), "Error", env);
            cause = state.causePath() != null
                    ? text(PayloadTemplate.expression("CausePath", state.causePath(), raw, env), "CausePath", env)
                    : text(state.cause(), "Cause", env);
        }
        throw new FailureException(error, cause);
    }

    private static String text(JsonNode value, String field, StateEnv env) {
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw env.runtimeError(StatesErrorName.RUNTIME, "The " + field + " field must resolve to a string, got: " + value);
        }
        return value.textValue();
    }
}
