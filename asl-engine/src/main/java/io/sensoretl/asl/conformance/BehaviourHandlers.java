package io.sensoretl.asl.conformance;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.services.LambdaFunctionError;
import io.sensoretl.asl.time.TimeSource;
import java.time.Duration;

/** In-process handlers implementing the vector `behaviour` kinds of the recorded test Lambdas. */
final class BehaviourHandlers {
    private BehaviourHandlers() {}

    public static RequestHandler<JsonNode, JsonNode> forBehaviour(JsonNode behaviour, TimeSource time) {
        return new JsonHandler(body(behaviour, time));
    }

    /** A concrete class so the Lambda invoker sees JsonNode as the declared input type. */
    static final class JsonHandler implements RequestHandler<JsonNode, JsonNode> {
        private final RequestHandler<JsonNode, JsonNode> body;

        JsonHandler(RequestHandler<JsonNode, JsonNode> body) {
            this.body = body;
        }

        @Override
        public JsonNode handleRequest(JsonNode input, Context context) {
            return body.handleRequest(input, context);
        }
    }

    private static RequestHandler<JsonNode, JsonNode> body(JsonNode behaviour, TimeSource time) {
        String kind = behaviour.path("kind").asText();
        return switch (kind) {
            case "echo" -> (in, ctx) -> in;
            case "constant" -> (in, ctx) -> behaviour.get("value");
            case "raise" -> new Raise(behaviour.path("errorType").asText("Exception"),
                    behaviour.path("errorMessage").asText());
            case "sleep-then-echo" -> new SleepThenEcho(time, behaviour.path("seconds").asLong());
            case "large-string" -> (in, ctx) -> Json.text("a".repeat(behaviour.path("bytes").asInt()));
            case "prefix-string" -> (in, ctx) -> Json.text(behaviour.path("prefix").asText() + PythonText.render(in));
            default -> throw new IllegalArgumentException("unknown Lambda behaviour kind '" + kind + "'");
        };
    }

    /**
     * The recorded functions are one-line Python handlers; an unhandled exception is reported by the
     * Python runtime with a one-frame stack trace, which this reproduces so error causes compare.
     */
    static final class Raise implements RequestHandler<JsonNode, JsonNode> {
        private final String type;
        private final String message;

        Raise(String type, String message) {
            this.type = type;
            this.message = message;
        }

        @Override
        public JsonNode handleRequest(JsonNode input, Context context) {
            String frame = "  File \"/var/task/handler.py\", line 2, in handler\n    raise " + type + "(\""
                    + message + "\")\n";
            throw new LambdaFunctionError(type, message, Json.array().add(frame));
        }
    }

    static final class SleepThenEcho implements RequestHandler<JsonNode, JsonNode> {
        private final TimeSource time;
        private final long seconds;

        SleepThenEcho(TimeSource time, long seconds) {
            this.time = time;
            this.seconds = seconds;
        }

        @Override
        public JsonNode handleRequest(JsonNode input, Context context) {
            time.sleep(Duration.ofSeconds(seconds));
            return input;
        }
    }
}
