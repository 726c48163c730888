package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.definition.QueryLanguage;
import io.sensoretl.asl.definition.ValueSource;
import io.sensoretl.asl.definition.WaitState;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.jsonata.JsonataBindings;
import io.sensoretl.asl.runtime.StateEnv;
import io.sensoretl.asl.runtime.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Wait: sleeps on the injected time source for Seconds or until Timestamp. */
final class WaitHandler implements StateHandler<WaitState> {
    @Override
    public Outcome run(WaitState state, JsonNode raw, StateEnv env) {
        if (state.queryLanguage() == QueryLanguage.JSONATA) {
            StateValues values = StateValues.of(env, raw, raw);
            if (state.seconds() != null) {
                JsonNode s = state.seconds().value("Seconds", raw, values);
                if (!s.isIntegralNumber() || s.longValue() < 0) {
                    throw env.runtimeError(StatesErrorName.QUERY_EVALUATION_ERROR,
                            "The Seconds field must be a non-negative integer, got: " + Json.write(s));
                }
                waitSeconds(s.longValue(), env);
            } else {
                JsonNode t = state.timestamp().value("Timestamp", raw, values);
                Instant until = t.isTextual() ? Timestamps.parse(t.textValue()) : null;
                if (until == null) {
                    throw env.runtimeError(StatesErrorName.QUERY_EVALUATION_ERROR, "The Timestamp field cannot be parsed "
                            + "as an ISO-8601 extended offset date-time format string: " + t.asText());
                }
                waitUntil(until, env);
            }
            JsonataBindings bindings = values.bindings();
            Map<String, JsonNode> vars = JsonataFlow.assign(state.common().assign(), bindings, env);
            return new Outcome(JsonataFlow.output(state.common().output(), raw, bindings, env), state.common().transition(), vars);
        }
        JsonNode input = JsonPathFlow.inputPath(state.common().inputPath(), raw, env);
        StateValues values = StateValues.of(env, raw, input);
        if (state.seconds() != null) {
            waitSeconds(seconds(state.seconds(), input, values, env), env);
        } else {
            waitUntil(timestamp(state.timestamp(), input, values, env), env);
        }
        Map<String, JsonNode> vars = JsonPathFlow.assign(state.common().assign(), input, env);
        return new Outcome(JsonPathFlow.outputPath(state.common().outputPath(), input, env), state.common().transition(), vars);
    }

    /** Seconds as written, or what SecondsPath references: a non-negative integer. */
    private static long seconds(ValueSource source, JsonNode input, StateValues values, StateEnv env) {
        JsonNode s = source.value("Seconds", input, values);
        String path = source.pathText();
        if (path == null) {
            return s.asLong();
        }
        if (s == null) {
            throw env.runtimeError(StatesErrorName.RUNTIME,
                    "The SecondsPath parameter does not reference an input value: " + path);
        }
        if (!s.isIntegralNumber()) {
            throw env.runtimeError(StatesErrorName.RUNTIME, "The SecondsPath parameter does not reference a valid "
                    + "integer value: " + path + " == " + s.asText());
        }
        if (s.longValue() < 0) {
            throw env.runtimeError(StatesErrorName.RUNTIME, "The SecondsPath parameter references a negative value: "
                    + path + " == " + s.asText());
        }
        return s.longValue();
    }

    /** Timestamp as written, or what TimestampPath references: an RFC 3339 timestamp. */
    private static Instant timestamp(ValueSource source, JsonNode input, StateValues values, StateEnv env) {
        JsonNode t = source.value("Timestamp", input, values);
        String path = source.pathText();
        if (path == null) {
            return Timestamps.parse(t.asText());
        }
        Instant until = t != null && t.isTextual() ? Timestamps.parse(t.textValue()) : null;
        if (until == null) {
            throw env.runtimeError(StatesErrorName.RUNTIME, "The TimestampPath parameter does not reference a valid "
                    + "ISO-8601 extended offset date-time format string: " + path + " == "
                    + (t == null ? "null" : t.asText()));
        }
        return until;
    }

    private static void waitSeconds(long seconds, StateEnv env) {
        if (env.inspection() == null) {
            // TestState does not wait
            env.frame().runtime().sleep(Duration.ofSeconds(seconds));
        }
    }

    private static void waitUntil(Instant until, StateEnv env) {
        Duration d = Duration.between(env.services().time().now(), until);
        if (!d.isNegative() && env.inspection() == null) {
            env.frame().runtime().sleep(d);
        }
    }
}
