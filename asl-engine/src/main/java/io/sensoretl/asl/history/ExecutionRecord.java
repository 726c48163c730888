package io.sensoretl.asl.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * What is kept about an execution: DescribeExecution fields, its events and its map runs. A running
 * execution has status RUNNING and no stop date.
 */
public record ExecutionRecord(String executionArn, String name, String stateMachineArn, String status,
                              String startDate, String stopDate, JsonNode input, JsonNode output, String error,
                              String cause, List<HistoryEvent> events, List<JsonNode> mapRuns) {
    private static final java.time.format.DateTimeFormatter STOP_DATE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    public ObjectNode describe() {
        ObjectNode o = Json.object();
        o.put("executionArn", executionArn);
        o.put("name", name);
        o.put("stateMachineArn", stateMachineArn);
        o.put("status", status);
        o.put("startDate", startDate);
        if (stopDate != null) {
            o.put("stopDate", stopDate);
        }
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

    /**
     * This execution as StopExecution leaves it: ABORTED at {@code at}, its history ending with an
     * ExecutionAborted event carrying {@code error} and {@code cause} (both optional). For an execution that
     * is RUNNING in a record but no longer runs anywhere, e.g. after its process was killed.
     */
    public ExecutionRecord aborted(java.time.Instant at, String error, String cause) {
        List<HistoryEvent> withEnd = new ArrayList<>(events);
        long previous = events.isEmpty() ? 0 : events.get(events.size() - 1).id();
        com.fasterxml.jackson.databind.node.ObjectNode details = Json.object();
        if (error != null) {
            details.put("error", error);
        }
        if (cause != null) {
            details.put("cause", cause);
        }
        withEnd.add(new HistoryEvent(previous + 1, previous, at, "ExecutionAborted", details));
        return new ExecutionRecord(executionArn, name, stateMachineArn, "ABORTED", startDate,
                STOP_DATE.format(at.atOffset(java.time.ZoneOffset.UTC)), input, null, error, cause, withEnd, mapRuns);
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
                describe.path("startDate").asText(), describe.path("stopDate").asText(null),
                Json.parse(describe.path("input").asText("null")),
                describe.has("output") ? Json.parse(describe.get("output").asText()) : null,
                describe.has("error") ? describe.get("error").asText() : null,
                describe.has("cause") ? describe.get("cause").asText() : null, events, runs);
    }
}
