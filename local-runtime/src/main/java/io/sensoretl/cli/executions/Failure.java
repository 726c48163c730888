package io.sensoretl.cli.executions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.history.HistoryEvent;
import io.sensoretl.asl.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure event of an execution's history ({@code TaskFailed}, {@code LambdaFunctionFailed},
 * {@code MapRunFailed}, {@code ExecutionFailed}, ...{@code TimedOut}, ...{@code Aborted}) with the
 * state it happened in, found by following {@code previousEventId} back to a {@code *StateEntered}.
 */
public record Failure(long eventId, String type, String state, String error, String cause) {

    static List<Failure> in(List<JsonNode> events) {
        Map<Long, JsonNode> byId = new HashMap<>();
        events.forEach(e -> byId.put(e.path("id").asLong(), e));
        List<Failure> out = new ArrayList<>();
        for (JsonNode e : events) {
            String type = e.path("type").asText();
            if (!(type.endsWith("Failed") || type.endsWith("TimedOut") || type.endsWith("Aborted"))) {
                continue;
            }
            JsonNode details = e.path(HistoryEvent.detailsKey(type));
            out.add(new Failure(e.path("id").asLong(), type, stateOf(e, byId),
                    text(details, "error"), text(details, "cause")));
        }
        return out;
    }

    private static String stateOf(JsonNode event, Map<Long, JsonNode> byId) {
        JsonNode e = event;
        for (int hops = 0; e != null && hops < 10_000; hops++) {
            if (e.path("type").asText().endsWith("StateEntered")) {
                return e.path("stateEnteredEventDetails").path("name").asText(null);
            }
            long previous = e.path("previousEventId").asLong(0);
            e = previous == 0 ? null : byId.get(previous);
        }
        return null;
    }

    private static String text(JsonNode details, String field) {
        JsonNode v = details.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("eventId", eventId);
        o.put("type", type);
        o.put("state", state);
        o.put("error", error);
        o.put("cause", cause);
        return o;
    }
}
