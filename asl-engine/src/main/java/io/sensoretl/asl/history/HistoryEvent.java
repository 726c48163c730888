package io.sensoretl.asl.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.runtime.EventDetails;
import java.time.Instant;

/** One event in the GetExecutionHistory shape. */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, String type, JsonNode details) {

    /** The details key AWS uses, e.g. TaskStateEntered -> stateEnteredEventDetails. */
    public static String detailsKey(String type) {
        String base;
        if (type.endsWith("StateEntered")) {
            base = "stateEntered";
        } else if (type.endsWith("StateExited")) {
            base = "stateExited";
        } else {
            base = Character.toLowerCase(type.charAt(0)) + type.substring(1);
        }
        return base + "EventDetails";
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("timestamp", timestamp.toString());
        o.put("type", type);
        o.put("id", id);
        o.put("previousEventId", previousEventId);
        if (details != null) {
            o.set(detailsKey(type), details);
        }
        return o;
    }

    public static HistoryEvent fromJson(JsonNode o) {
        String type = o.path("type").asText();
        return new HistoryEvent(o.path("id").asLong(), o.path("previousEventId").asLong(),
                Instant.parse(o.path("timestamp").asText()), type, o.get(detailsKey(type)));
    }
}
