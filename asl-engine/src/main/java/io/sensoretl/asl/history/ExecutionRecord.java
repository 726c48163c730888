package io.sensoretl.asl.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What is kept about an execution, running or ended: DescribeExecution fields, its events, its map runs, and what
 * a redrive needs ({@code checkpoint}: where each of its threads stood; opaque). {@code owner} names the process
 * that runs it, so a RUNNING record whose process is gone can be told apart from one that still runs.
 *
 * @param stopDate    null while RUNNING
 * @param type        STANDARD or EXPRESS
 * @param redriveDate when it was last redriven, or null
 * @param checkpoint  where the execution stood (null when recorded by an engine without redrive)
 * @param owner       the running process, {@code <pid>@<process start>}, or null
 */
public record ExecutionRecord(String executionArn, String name, String stateMachineArn, String status,
                              String startDate, String stopDate, JsonNode input, JsonNode output, String error,
                              String cause, List<HistoryEvent> events, List<JsonNode> mapRuns, String type,
                              int redriveCount, String redriveDate, JsonNode checkpoint, String owner) {
    /** How the engine writes dates: ISO-8601 in UTC with milliseconds. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    public ExecutionRecord(String executionArn, String name, String stateMachineArn, String status, String startDate,
                           String stopDate, JsonNode input, JsonNode output, String error, String cause,
                           List<HistoryEvent> events, List<JsonNode> mapRuns) {
        this(executionArn, name, stateMachineArn, status, startDate, stopDate, input, output, error, cause, events, mapRuns,
                "STANDARD", 0, null, null, null);
    }

    public boolean running() {
        return "RUNNING".equals(status);
    }

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
        if (redriveCount > 0) {
            o.put("redriveCount", redriveCount);
            o.put("redriveDate", redriveDate);
        }
        return o;
    }

    public ObjectNode historyJson() {
        ObjectNode o = Json.object();
        ArrayNode arr = o.putArray("events");
        events.forEach(e -> arr.add(e.toJson()));
        return o;
    }

    /**
     * The same execution, ended ABORTED at {@code at}: an ExecutionAborted event with error and cause closes its
     * history. What to record when the process that ran an execution died (or StopExecution could not reach it);
     * it can then be redriven from its last checkpoint.
     */
    public ExecutionRecord aborted(Instant at, String abortError, String abortCause) {
        List<HistoryEvent> closed = new ArrayList<>(events);
        ObjectNode details = Json.object();
        if (abortError != null) {
            details.put("error", abortError);
        }
        if (abortCause != null) {
            details.put("cause", abortCause);
        }
        closed.add(new HistoryEvent(closed.size() + 1L, closed.size(), at, "ExecutionAborted", details));
        List<JsonNode> runs = new ArrayList<>();
        for (JsonNode run : mapRuns) {
            ObjectNode r = run.deepCopy();
            if ("RUNNING".equals(r.path("status").asText())) {
                r.put("status", "ABORTED");
                r.put("stopDate", format(at));
            }
            runs.add(r);
        }
        return new ExecutionRecord(executionArn, name, stateMachineArn, "ABORTED", startDate, format(at), input, null,
                abortError, abortCause, List.copyOf(closed), List.copyOf(runs), type, redriveCount, redriveDate, checkpoint,
                owner);
    }

    /** Whether the process named by {@code owner} still runs (a record without owner is taken to have none). */
    public boolean ownerAlive() {
        if (owner == null || !owner.contains("@")) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(owner.substring(0, owner.indexOf('@')));
        } catch (NumberFormatException e) {
            return false;
        }
        String started = owner.substring(owner.indexOf('@') + 1);
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        return process.isPresent() && process.get().isAlive()
                && process.get().info().startInstant().map(i -> i.toString().equals(started)).orElse(true);
    }

    /** {@code <pid>@<start instant>} of this process, as {@link #owner()} names it. */
    public static String currentOwner() {
        ProcessHandle me = ProcessHandle.current();
        return me.pid() + "@" + me.info().startInstant().map(Instant::toString).orElse("unknown");
    }

    private static String format(Instant at) {
        return DATE.format(at);
    }

    public static ExecutionRecord fromJson(JsonNode describe, JsonNode history, JsonNode mapRuns) {
        return fromJson(describe, history, mapRuns, null);
    }

    public static ExecutionRecord fromJson(JsonNode describe, JsonNode history, JsonNode mapRuns, JsonNode checkpoint) {
        List<HistoryEvent> events = new ArrayList<>();
        history.path("events").forEach(e -> events.add(HistoryEvent.fromJson(e)));
        List<JsonNode> runs = new ArrayList<>();
        if (mapRuns != null) {
            mapRuns.forEach(runs::add);
        }
        return new ExecutionRecord(describe.path("executionArn").asText(), describe.path("name").asText(),
                describe.path("stateMachineArn").asText(), describe.path("status").asText(),
                describe.path("startDate").asText(), text(describe, "stopDate"),
                Json.parse(describe.path("input").asText("null")),
                describe.has("output") ? Json.parse(describe.get("output").asText()) : null,
                text(describe, "error"), text(describe, "cause"), events, runs,
                describe.path("type").asText("STANDARD"), describe.path("redriveCount").asInt(0),
                text(describe, "redriveDate"), checkpoint, text(describe, "owner"));
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }
}
