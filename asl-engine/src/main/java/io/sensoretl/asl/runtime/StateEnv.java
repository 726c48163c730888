package io.sensoretl.asl.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.definition.State;
import io.sensoretl.asl.definition.TaskState;
import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.jsonata.JsonataBindings;
import io.sensoretl.asl.path.JsonPath;
import io.sensoretl.asl.path.PathNotFoundException;
import io.sensoretl.asl.progress.StateProgress;
import java.time.Instant;

/** Everything a state sees while it runs: its frame, when it was entered, its retry count. */
public final class StateEnv {
    private final Frame frame;
    private final State state;
    private final long enteredEventId;
    private final Instant enteredTime;
    private volatile StateProgress resume;
    private final Inspection inspection;
    private volatile int retryCount;
    private volatile String taskToken;

    public StateEnv(Frame frame, State state, long enteredEventId, Instant enteredTime) {
        this(frame, state, enteredEventId, enteredTime, null, null);
    }

    /**
     * @param resume     how far this state's branches, iterations or Map Run got before a redrive; null otherwise
     * @param inspection set when TestState runs the state; null in executions
     */
    public StateEnv(Frame frame, State state, long enteredEventId, Instant enteredTime, StateProgress resume,
                    Inspection inspection) {
        this.frame = frame;
        this.state = state;
        this.enteredEventId = enteredEventId;
        this.enteredTime = enteredTime;
        this.resume = resume;
        this.inspection = inspection;
    }

    public StateEnv withMapItem(JsonNode item) {
        StateEnv env = new StateEnv(frame.withMapItem(item), state, enteredEventId, enteredTime, null, inspection);
        env.taskToken = taskToken;
        return env;
    }

    /**
     * How far this state's children got before the redrive that re-entered it; null when it runs afresh. Only the
     * first attempt resumes: a retry after it runs the state afresh, as any retry does.
     */
    public synchronized StateProgress takeResume() {
        StateProgress r = resume;
        resume = null;
        return r;
    }

    /** Set when TestState runs this state. */
    public Inspection inspection() {
        return inspection;
    }

    /** TestState records the data after a processing step; executions record nothing. */
    public void inspect(String field, JsonNode value) {
        if (inspection != null) {
            inspection.record(field, value);
        }
    }

    /** The token of the current attempt of a callback task ({@code .waitForTaskToken}): $$.Task.Token. */
    public void taskToken(String token) {
        this.taskToken = token;
    }

    public Frame frame() {
        return frame;
    }

    public State state() {
        return state;
    }

    public EngineServices services() {
        return frame.services();
    }

    public void retried() {
        retryCount++;
    }

    /** The context object ($$ / $states.context) as this state sees it. */
    public ObjectNode contextObject() {
        ExecutionInfo info = frame.runtime().info();
        ObjectNode ctx = Json.object();
        ctx.set("Execution", info.executionContext());
        ctx.set("StateMachine", info.stateMachineContext());
        ObjectNode s = ctx.putObject("State");
        s.put("Name", state.name());
        s.put("EnteredTime", Timestamps.format(enteredTime));
        if (state instanceof TaskState) {
            s.put("RetryCount", retryCount);
        }
        if (frame.mapItem() != null) {
            ctx.putObject("Map").set("Item", frame.mapItem());
        }
        if (taskToken != null) {
            ctx.putObject("Task").put("Token", taskToken);
        }
        if (inspection != null && inspection.context() != null && inspection.context().isObject()) {
            // TestState's context: what the caller gives replaces the generated fields
            inspection.context().properties().forEach(e -> {
                JsonNode mine = ctx.get(e.getKey());
                if (mine instanceof ObjectNode o && e.getValue().isObject()) {
                    o.setAll((ObjectNode) e.getValue());
                } else {
                    ctx.set(e.getKey(), e.getValue());
                }
            });
        }
        return ctx;
    }

    /** Resolves $, $$ and $var paths; throws PathNotFoundException (or a Runtime failure for unknown variables). */
    public JsonNode resolve(JsonPath path, JsonNode data) {
        JsonNode root = switch (path.root()) {
            case INPUT -> data;
            case CONTEXT -> contextObject();
            case VARIABLE -> {
                JsonNode v = frame.variables().get(path.variable());
                if (v == null) {
                    throw runtimeError(StatesErrorName.RUNTIME,
                            "The variable '$" + path.variable() + "' referenced by '" + path.text() + "' is not defined.");
                }
                yield v;
            }
        };
        return path.evaluate(root);
    }

    public JsonNode resolveOrNull(JsonPath path, JsonNode data) {
        try {
            return resolve(path, data);
        } catch (PathNotFoundException e) {
            return null;
        }
    }

    public JsonataBindings bindings(JsonNode input, JsonNode result, JsonNode errorOutput) {
        return JsonataBindings.of(input, result, errorOutput, contextObject(), frame.variables().visible());
    }

    /** A failure raised by the runtime itself; AWS prefixes it with the state and its entry event. */
    public FailureException runtimeError(StatesErrorName name, String message) {
        return new FailureException(name, "An error occurred while executing the state '" + state.name()
                + "' (entered at the event id #" + enteredEventId + "). " + message);
    }
}
