package io.sensoretl.asl.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;

/**
 * One child execution of a Map Run: pending until it starts, then RUNNING, then how it ended. A STANDARD
 * child keeps where it stood ({@link #frame()}), so a redrive continues it from its unsuccessful state; an
 * EXPRESS child is run again from the start.
 */
public final class ChildRun {
    private final int index;
    private final JsonNode input;
    private String name;
    private String executionArn;
    private String status;
    private JsonNode output;
    private String error;
    private String cause;
    private String startDate;
    private String stopDate;
    private int redriveCount;
    private FrameProgress frame;

    ChildRun(int index, JsonNode input) {
        this.index = index;
        this.input = input;
    }

    public int index() {
        return index;
    }

    public JsonNode input() {
        return input;
    }

    public synchronized void started(String childName, String childArn, String at, FrameProgress childFrame) {
        if (status != null && !status.equals("RUNNING")) {
            redriveCount++;
        }
        name = childName;
        executionArn = childArn;
        status = "RUNNING";
        startDate = startDate == null ? at : startDate;
        stopDate = null;
        output = null;
        error = null;
        cause = null;
        frame = childFrame;
    }

    public synchronized void ended(String endStatus, JsonNode childOutput, String childError, String childCause, String at) {
        status = endStatus;
        output = childOutput;
        error = childError;
        cause = childCause;
        stopDate = at;
    }

    /** null while pending, else RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED. */
    public synchronized String status() {
        return status;
    }

    public synchronized boolean succeeded() {
        return "SUCCEEDED".equals(status);
    }

    public synchronized String name() {
        return name;
    }

    public synchronized String executionArn() {
        return executionArn;
    }

    public synchronized JsonNode output() {
        return output;
    }

    public synchronized String error() {
        return error;
    }

    public synchronized String cause() {
        return cause;
    }

    public synchronized String startDate() {
        return startDate;
    }

    public synchronized String stopDate() {
        return stopDate;
    }

    public synchronized int redriveCount() {
        return redriveCount;
    }

    /** Where a STANDARD child stood when it ended unsuccessfully; null for EXPRESS children and pending ones. */
    public synchronized FrameProgress frame() {
        return frame;
    }

    synchronized ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.set("input", input);
        if (status != null) {
            o.put("name", name);
            o.put("executionArn", executionArn);
            o.put("status", status);
            o.put("startDate", startDate);
            if (stopDate != null) {
                o.put("stopDate", stopDate);
            }
            if (output != null) {
                o.set("output", output);
            }
            if (error != null) {
                o.put("error", error);
            }
            if (cause != null) {
                o.put("cause", cause);
            }
            if (redriveCount > 0) {
                o.put("redriveCount", redriveCount);
            }
            if (frame != null && !succeeded()) {
                o.set("frame", frame.toJson());
            }
        }
        return o;
    }

    static ChildRun fromJson(int index, JsonNode o) {
        ChildRun c = new ChildRun(index, o.get("input"));
        if (o.has("status")) {
            c.name = o.path("name").asText(null);
            c.executionArn = o.path("executionArn").asText(null);
            c.status = o.get("status").asText();
            c.startDate = o.path("startDate").asText(null);
            c.stopDate = o.path("stopDate").asText(null);
            c.output = o.get("output");
            c.error = o.path("error").asText(null);
            c.cause = o.path("cause").asText(null);
            c.redriveCount = o.path("redriveCount").asInt(0);
            c.frame = o.has("frame") ? FrameProgress.fromJson(o.get("frame")) : null;
            if (c.status.equals("RUNNING")) {
                // the process ended while it ran: it did not succeed, and a redrive runs it again
                c.status = "ABORTED";
            }
        }
        return c;
    }
}
