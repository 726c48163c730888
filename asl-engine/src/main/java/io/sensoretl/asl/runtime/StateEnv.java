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
import java.time.Instant;

/** Everything a state sees while it runs: its frame, when it was entered, its retry count. */
public final class StateEnv {
    private final Frame frame;
    private final State state;
    private final long enteredEventId;
    private final Instant enteredTime;
    private volatile int retryCount;

    public StateEnv(Frame frame, State state, long enteredEventId, Instant enteredTime) {
        this.frame = frame;
        this.state = state;
        this.enteredEventId = enteredEventId;
        this.enteredTime = enteredTime;
    }

    public StateEnv withMapItem(JsonNode item) {
        return new StateEnv(frame.withMapItem(item), state, enteredEventId, enteredTime);
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
