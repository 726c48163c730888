package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Retry and Catch of a Task, Parallel or Map state. */
public record ErrorHandling(List<Retrier> retry, List<Catcher> catchers) {
    public static final ErrorHandling NONE = new ErrorHandling(List.of(), List.of());

    static ErrorHandling parse(JsonNode state, QueryLanguage language) {
        List<Retrier> retry = new ArrayList<>();
        for (JsonNode r : state.path("Retry")) {
            retry.add(new Retrier(Nodes.strings(r.path("ErrorEquals")), r.path("IntervalSeconds").asDouble(1),
                    r.path("MaxAttempts").asInt(3), r.path("BackoffRate").asDouble(2.0),
                    r.has("MaxDelaySeconds") ? r.get("MaxDelaySeconds").asLong() : null,
                    r.has("JitterStrategy") ? JitterStrategy.valueOf(r.get("JitterStrategy").asText()) : JitterStrategy.NONE));
        }
        List<Catcher> catchers = new ArrayList<>();
        for (JsonNode c : state.path("Catch")) {
            catchers.add(new Catcher(Nodes.strings(c.path("ErrorEquals")), c.path("Next").asText(),
                    ResultPathSpec.parse(c, language), c.get("Output"), c.get("Assign")));
        }
        return new ErrorHandling(List.copyOf(retry), List.copyOf(catchers));
    }
}
