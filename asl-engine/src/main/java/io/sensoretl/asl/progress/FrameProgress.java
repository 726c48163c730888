package io.sensoretl.asl.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where one thread of control stands: an execution, a Parallel branch, an inline Map iteration or a Map Run
 * child. It names the state it is in, the input and variables that state started with and, for a Parallel or
 * Map state, how far its branches, iterations or children got. A redrive resumes from exactly this: the
 * unsuccessful state with the same input and variables, re-running only the branches, iterations and children
 * that did not succeed, as Step Functions does.
 */
public final class FrameProgress {
    private String state;
    private JsonNode input;
    private Map<String, JsonNode> variables = Map.of();
    private boolean done;
    private JsonNode output;
    private StateProgress inner;

    /** The frame enters a state: what it started with, and no children yet. */
    public synchronized void enter(String stateName, JsonNode stateInput, Map<String, JsonNode> localVariables) {
        state = stateName;
        input = stateInput;
        variables = Map.copyOf(localVariables);
        inner = null;
    }

    /** The current state's branches, iterations or Map Run, once it has them. */
    public synchronized void inner(StateProgress progress) {
        inner = progress;
    }

    public synchronized void succeeded(JsonNode frameOutput) {
        done = true;
        output = frameOutput;
        inner = null;
    }

    public synchronized String state() {
        return state;
    }

    public synchronized JsonNode input() {
        return input;
    }

    public synchronized Map<String, JsonNode> variables() {
        return variables;
    }

    public synchronized boolean done() {
        return done;
    }

    public synchronized JsonNode output() {
        return output;
    }

    public synchronized StateProgress inner() {
        return inner;
    }

    /** Whether a redrive has anything to resume from here (a state was entered and the frame did not end). */
    public synchronized boolean resumable() {
        return state != null && !done;
    }

    public synchronized ObjectNode toJson() {
        ObjectNode o = Json.object();
        if (done) {
            o.put("done", true);
            o.set("output", output);
            return o;
        }
        if (state != null) {
            o.put("state", state);
            o.set("input", input);
            ObjectNode vars = o.putObject("variables");
            variables.forEach(vars::set);
        }
        if (inner != null) {
            o.set("inner", inner.toJson());
        }
        return o;
    }

    public static FrameProgress fromJson(JsonNode o) {
        FrameProgress p = new FrameProgress();
        if (o == null || !o.isObject()) {
            return p;
        }
        if (o.path("done").asBoolean(false)) {
            p.done = true;
            p.output = o.get("output");
            return p;
        }
        if (o.has("state")) {
            p.state = o.get("state").asText();
            p.input = o.get("input");
            Map<String, JsonNode> vars = new LinkedHashMap<>();
            o.path("variables").properties().forEach(e -> vars.put(e.getKey(), e.getValue()));
            p.variables = vars;
        }
        if (o.has("inner")) {
            p.inner = StateProgress.fromJson(o.get("inner"));
        }
        return p;
    }
}
