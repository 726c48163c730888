package io.sensoretl.asl.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A Distributed Map's Map Run: its identity, limits and children. It answers DescribeMapRun while it runs and
 * after, and a redrive of the parent execution re-runs only its failed and never-started children, keeping the
 * same Map Run ARN (redriveCount and redriveDate say it was redriven).
 */
public final class MapRunProgress implements StateProgress {
    static final String KIND = "mapRun";

    /** What DescribeMapRun reports about the run's configuration. */
    public record Settings(int maxConcurrency, double toleratedFailurePercentage, long toleratedFailureCount,
                           boolean writesResults, boolean expressChildren) {}

    private final String mapRunArn;
    private final String executionArn;
    private final String childStateMachineArn;
    private final Settings settings;
    private final List<ChildRun> children;
    private final String startDate;
    private String status = "RUNNING";
    private String stopDate;
    private boolean resultsWritten;
    private int redriveCount;
    private String redriveDate;

    private MapRunProgress(String mapRunArn, String executionArn, String childStateMachineArn, Settings settings,
                           List<ChildRun> children, String startDate) {
        this.mapRunArn = mapRunArn;
        this.executionArn = executionArn;
        this.childStateMachineArn = childStateMachineArn;
        this.settings = settings;
        this.children = children;
        this.startDate = startDate;
    }

    public static MapRunProgress start(String mapRunArn, String executionArn, String childStateMachineArn,
                                       Settings settings, List<JsonNode> inputs, String startDate) {
        List<ChildRun> children = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            children.add(new ChildRun(i, inputs.get(i)));
        }
        return new MapRunProgress(mapRunArn, executionArn, childStateMachineArn, settings, List.copyOf(children), startDate);
    }

    /** The same run, redriven: RUNNING again, its successful children kept. */
    public synchronized MapRunProgress redriven(String at) {
        status = "RUNNING";
        stopDate = null;
        resultsWritten = false;
        redriveCount++;
        redriveDate = at;
        return this;
    }

    public synchronized void ended(String endStatus, String at, boolean wroteResults) {
        status = endStatus;
        stopDate = at;
        resultsWritten = wroteResults;
    }

    public String mapRunArn() {
        return mapRunArn;
    }

    public String executionArn() {
        return executionArn;
    }

    public String childStateMachineArn() {
        return childStateMachineArn;
    }

    public Settings settings() {
        return settings;
    }

    public List<ChildRun> children() {
        return children;
    }

    public List<JsonNode> inputs() {
        List<JsonNode> out = new ArrayList<>();
        children.forEach(c -> out.add(c.input()));
        return out;
    }

    public synchronized int redriveCount() {
        return redriveCount;
    }

    public synchronized String status() {
        return status;
    }

    public String startDate() {
        return startDate;
    }

    public synchronized String stopDate() {
        return stopDate;
    }

    /** DescribeMapRun's fields (dates as ISO-8601 text). */
    public synchronized ObjectNode describe() {
        ObjectNode o = Json.object();
        o.put("mapRunArn", mapRunArn);
        o.put("executionArn", executionArn);
        o.put("status", status);
        o.put("startDate", startDate);
        if (stopDate != null) {
            o.put("stopDate", stopDate);
        }
        o.put("maxConcurrency", settings.maxConcurrency());
        o.put("toleratedFailurePercentage", settings.toleratedFailurePercentage());
        o.put("toleratedFailureCount", settings.toleratedFailureCount());
        ObjectNode counts = counts();
        o.set("itemCounts", counts);
        o.set("executionCounts", counts.deepCopy());
        o.put("redriveCount", redriveCount);
        if (redriveDate != null) {
            o.put("redriveDate", redriveDate);
        }
        return o;
    }

    /**
     * What an execution record keeps of this run: DescribeMapRun's fields, its items that did not succeed
     * ({@code failedItems}: index, child execution, status, error, cause, input), so they can be shown after the
     * run's state has moved on (a Catch, a later state), and every child execution started so far
     * ({@code childExecutions}: index, name, executionArn, status, dates, redriveCount; what ListExecutions with a
     * mapRunArn answers).
     */
    public synchronized ObjectNode recorded() {
        ObjectNode o = describe();
        ArrayNode failed = o.putArray("failedItems");
        ArrayNode started = o.putArray("childExecutions");
        for (ChildRun c : children) {
            String s = c.status();
            if (s != null) {
                ObjectNode child = started.addObject();
                child.put("index", c.index());
                child.put("name", c.name());
                child.put("executionArn", c.executionArn());
                child.put("status", s);
                child.put("startDate", c.startDate());
                if (c.stopDate() != null) {
                    child.put("stopDate", c.stopDate());
                }
                child.put("redriveCount", c.redriveCount());
            }
            if (s != null && !s.equals("RUNNING") && !s.equals("SUCCEEDED")) {
                ObjectNode item = failed.addObject();
                item.put("index", c.index());
                item.put("name", c.name());
                item.put("executionArn", c.executionArn());
                item.put("status", s);
                if (c.error() != null) {
                    item.put("error", c.error());
                }
                if (c.cause() != null) {
                    item.put("cause", c.cause());
                }
                item.set("input", c.input());
            }
        }
        return o;
    }

    private ObjectNode counts() {
        long pending = 0;
        long running = 0;
        long succeeded = 0;
        long failed = 0;
        long timedOut = 0;
        long aborted = 0;
        for (ChildRun c : children) {
            String s = c.status();
            if (s == null) {
                // never started: pending while the run goes on, aborted once it ended without them
                if (status.equals("RUNNING")) {
                    pending++;
                } else {
                    aborted++;
                }
                continue;
            }
            switch (s) {
                case "RUNNING" -> running++;
                case "SUCCEEDED" -> succeeded++;
                case "FAILED" -> failed++;
                case "TIMED_OUT" -> timedOut++;
                default -> aborted++;
            }
        }
        ObjectNode c = Json.object();
        c.put("pending", pending);
        c.put("running", running);
        c.put("succeeded", succeeded);
        c.put("failed", failed);
        c.put("timedOut", timedOut);
        c.put("aborted", aborted);
        c.put("total", children.size());
        c.put("resultsWritten", resultsWritten ? succeeded + failed + timedOut + aborted : 0);
        c.put("failuresNotRedrivable", 0);
        c.put("pendingRedrive", 0);
        return c;
    }

    /** ListMapRuns' item. */
    public synchronized ObjectNode listItem() {
        ObjectNode o = Json.object();
        o.put("executionArn", executionArn);
        o.put("mapRunArn", mapRunArn);
        o.put("stateMachineArn", childStateMachineArn);
        o.put("startDate", startDate);
        if (stopDate != null) {
            o.put("stopDate", stopDate);
        }
        return o;
    }

    @Override
    public synchronized ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("kind", KIND);
        o.put("mapRunArn", mapRunArn);
        o.put("executionArn", executionArn);
        o.put("childStateMachineArn", childStateMachineArn);
        o.put("status", status);
        o.put("startDate", startDate);
        if (stopDate != null) {
            o.put("stopDate", stopDate);
        }
        o.put("resultsWritten", resultsWritten);
        o.put("redriveCount", redriveCount);
        if (redriveDate != null) {
            o.put("redriveDate", redriveDate);
        }
        ObjectNode s = o.putObject("settings");
        s.put("maxConcurrency", settings.maxConcurrency());
        s.put("toleratedFailurePercentage", settings.toleratedFailurePercentage());
        s.put("toleratedFailureCount", settings.toleratedFailureCount());
        s.put("writesResults", settings.writesResults());
        s.put("expressChildren", settings.expressChildren());
        ArrayNode arr = o.putArray("children");
        children.forEach(c -> arr.add(c.toJson()));
        return o;
    }

    static MapRunProgress fromJson(JsonNode o) {
        JsonNode s = o.path("settings");
        Settings settings = new Settings(s.path("maxConcurrency").asInt(), s.path("toleratedFailurePercentage").asDouble(),
                s.path("toleratedFailureCount").asLong(), s.path("writesResults").asBoolean(),
                s.path("expressChildren").asBoolean());
        List<ChildRun> children = new ArrayList<>();
        JsonNode arr = o.path("children");
        for (int i = 0; i < arr.size(); i++) {
            children.add(ChildRun.fromJson(i, arr.get(i)));
        }
        MapRunProgress p = new MapRunProgress(o.path("mapRunArn").asText(), o.path("executionArn").asText(),
                o.path("childStateMachineArn").asText(), settings, List.copyOf(children), o.path("startDate").asText());
        p.status = o.path("status").asText("FAILED");
        if (p.status.equals("RUNNING")) {
            p.status = "ABORTED";
        }
        p.stopDate = o.path("stopDate").asText(null);
        p.resultsWritten = o.path("resultsWritten").asBoolean();
        p.redriveCount = o.path("redriveCount").asInt();
        p.redriveDate = o.path("redriveDate").asText(null);
        return p;
    }
}
