package io.sensoretl.asl.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;
import java.util.ArrayList;
import java.util.List;

/** What is kept about a finished execution: DescribeExecution fields, its events and its map runs. */
public record ExecutionRecord(String executionArn, String name, String stateMachineArn, String status,
                              String startDate, String stopDate, JsonNode input, JsonNode output, String error,
                              String cause, List<HistoryEvent> events, List<JsonNode> mapRuns) {

    public ObjectNode describe() {
        ObjectNode o = Json.object();
        o.put("executionArn", executionArn);
        o.put("name", name);
        o.put("stateMachineArn", stateMachineArn);
        o.put("status", status);
        o.put("startDate", startDate);
        o.put("stopDate", stopDate);
        o.put("input", Json.write(input));
        if (output != null) {
            o.put("output", Json.write(output));
        }
        if (error != null) {
            o.put("error", error);
        }
        if (cause != null) {
            o.put("cause", cause);
        }
        return o;
    }

    public ObjectNode historyJson() {
        ObjectNode o = Json.object();
        ArrayNode arr = o.putArray("events");
        events.forEach(e -> arr.add(e.toJson()));
        return o;
    }

    public static ExecutionRecord fromJson(JsonNode describe, JsonNode history, JsonNode mapRuns) {
        List<HistoryEvent> events = new ArrayList<>();
        history.path("events").forEach(e -> events.add(HistoryEvent.fromJson(e)));
        List<JsonNode> runs = new ArrayList<>();
        if (mapRuns != null) {
            mapRuns.forEach(runs::add);
        }
        return new ExecutionRecord(describe.path("executionArn").asText(), describe.path("name").asText(),
                describe.path("stateMachineArn").asText(), describe.path("status").asText(),
                describe.path("startDate").asText(), describe.path("stopDate").asText(),
                Json.parse(describe.path("input").asText("null")),
                describe.has("output") ? Json.parse(describe.get("output").asText()) : null,
                describe.has("error") ? describe.get("error").asText() : null,
                describe.has("cause") ? describe.get("cause").asText() : null, events, runs);
    }
}
