package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.definition.QueryLanguage;
import io.sensoretl.asl.definition.WaitState;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.jsonata.JsonataBindings;
import io.sensoretl.asl.path.JsonPath;
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
            JsonataBindings bindings = env.bindings(raw, null, null);
            if (state.seconds() != null) {
                JsonNode s = JsonataFlow.value(state.seconds(), "Seconds", bindings, env);
                if (!s.isIntegralNumber() || s.longValue() < 0) {
                    throw env.runtimeError(StatesErrorName.QUERY_EVALUATION_ERROR,
                            "The Seconds field must be a non-negative integer, got: " + Json.write(s));
                }
                waitSeconds(s.longValue(), env);
            } else {
                JsonNode t = JsonataFlow.value(state.timestamp(), "Timestamp", bindings, env);
                Instant until = t.isTextual() ? Timestamps.parse(t.textValue()) : null;
                if (until == null) {
                    throw env.runtimeError(StatesErrorName.QUERY_EVALUATION_ERROR, "The Timestamp field cannot be parsed "
                            + "as an ISO-8601 extended offset date-time format string: " + t.asText());
                }
                waitUntil(until, env);
            }
            Map<String, JsonNode> vars = JsonataFlow.assign(state.common().assign(), bindings, env);
            return new Outcome(JsonataFlow.output(state.common().output(), raw, bindings, env), state.common().transition(), vars);
        }
        JsonNode input = JsonPathFlow.inputPath(state.common().inputPath(), raw, env);
        if (state.seconds() != null) {
            waitSeconds(state.seconds().asLong(), env);
        } else if (state.secondsPath() != null) {
            JsonNode s = env.resolveOrNull(JsonPath.parse(state.secondsPath()), input);
            if (s == null) {
                throw env.runtimeError(StatesErrorName.RUNTIME,
                        "The SecondsPath parameter does not reference an input value: " + state.secondsPath());
            }
            if (!s.isIntegralNumber()) {
                throw env.runtimeError(StatesErrorName.RUNTIME, "The SecondsPath parameter does not reference a valid "
                        + "integer value: " + state.secondsPath() + " == " + s.asText());
            }
            if (s.longValue() < 0) {
                throw env.runtimeError(StatesErrorName.RUNTIME, "The SecondsPath parameter references a negative value: "
                        + state.secondsPath() + " == " + s.asText());
            }
            waitSeconds(s.longValue(), env);
        } else if (state.timestamp() != null) {
            waitUntil(Timestamps.parse(state.timestamp().asText()), env);
        } else {
            JsonNode t = env.resolveOrNull(JsonPath.parse(state.timestampPath()), input);
            Instant until = t != null && t.isTextual() ? Timestamps.parse(t.textValue()) : null;
            if (until == null) {
                throw env.runtimeError(StatesErrorName.RUNTIME, "The TimestampPath parameter does not reference a valid "
                        + "ISO-8601 extended offset date-time format string: " + state.timestampPath() + " == "
                        + (t == null ? "null" : t.asText()));
            }
            waitUntil(until, env);
        }
        Map<String, JsonNode> vars = JsonPathFlow.assign(state.common().assign(), input, env);
        return new Outcome(JsonPathFlow.outputPath(state.common().outputPath(), input, env), state.common().transition(), vars);
    }

    private static void waitSeconds(long seconds, StateEnv env) {
        env.services().time().sleep(Duration.ofSeconds(seconds));
    }

    private static void waitUntil(Instant until, StateEnv env) {
        Duration d = Duration.between(env.services().time().now(), until);
        if (!d.isNegative()) {
            env.services().time().sleep(d);
        }
    }
}
