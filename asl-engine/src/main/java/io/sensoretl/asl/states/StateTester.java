package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.definition.State;
import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.progress.FrameProgress;
import io.sensoretl.asl.runtime.Frame;
import io.sensoretl.asl.runtime.Inspection;
import io.sensoretl.asl.runtime.StateEnv;
import io.sensoretl.asl.runtime.Variables;
import java.util.Map;

/** Runs one state once, as TestState does: without retrying, reporting its output or error and where it goes next. */
public final class StateTester {
    private StateTester() {}

    /** What the state did: its output (or error output when caught), where it goes, or the error it failed with. */
    public record Outcome(JsonNode output, String nextState, FailureException failure, Map<String, JsonNode> variables) {}

    /** Runs the state in the frame's execution, with this inspection. */
    public static Outcome run(State state, JsonNode input, Frame frame, Inspection inspection) {
        StateEnv env = new StateEnv(frame, state, 0, frame.services().time().now(), null, inspection);
        inspection.record("input", input);
        try {
            io.sensoretl.asl.states.Outcome outcome = Interpreter.handle(state, input, env);
            frame.variables().assignAll(outcome.assignments());
            inspection.record("variables", variables(frame.variables()));
            String next = outcome.transition().end() ? null : outcome.transition().next();
            return new Outcome(outcome.output(), next, null, frame.variables().visible());
        } catch (FailureException e) {
            return new Outcome(null, null, e, frame.variables().visible());
        }
    }

    /** A frame for testing one state: its own progress, the given variables visible. */
    public static Frame frame(io.sensoretl.asl.runtime.ExecutionRuntime runtime, JsonNode variables) {
        Variables vars = Variables.root();
        if (variables != null && variables.isObject()) {
            variables.properties().forEach(e -> vars.assignAll(Map.of(e.getKey(), e.getValue())));
        }
        return new Frame(runtime, vars, null, 0, new FrameProgress(), null);
    }

    private static JsonNode variables(Variables vars) {
        ObjectNode o = Json.object();
        vars.visible().forEach(o::set);
        return o;
    }
}
