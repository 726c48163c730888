package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.definition.State;
import io.sensoretl.asl.definition.StateMachineDefinition;
import io.sensoretl.asl.runtime.EventDetails;
import io.sensoretl.asl.runtime.Frame;
import io.sensoretl.asl.runtime.StateEnv;
import io.sensoretl.asl.task.PayloadLimit;

/** Walks a machine (or branch, or item processor) from StartAt to an end, recording state events. */
public final class Interpreter {
    /** Standard workflows fail once their history would exceed 25,000 events; it also stops runaway loops. */
    static final int MAX_HISTORY_EVENTS = 25_000;

    private Interpreter() {}

    public static JsonNode run(StateMachineDefinition machine, JsonNode input, Frame frame) {
        // the thread works for this execution until the machine ends: a stop interrupts it
        return frame.runtime().stop().working(() -> walk(machine, input, frame));
    }

    private static JsonNode walk(StateMachineDefinition machine, JsonNode input, Frame frame) {
        String current = machine.startAt();
        JsonNode data = input;
        while (true) {
            State state = machine.state(current);
            if (frame.runtime().history().lastId() >= MAX_HISTORY_EVENTS) {
                throw new io.sensoretl.asl.errors.FailureException(io.sensoretl.asl.errors.StatesErrorName.RUNTIME,
                        "The execution reached the maximum number of history events (" + MAX_HISTORY_EVENTS
                                + ") before entering state '" + state.name() + "'.");
            }
            ObjectNode entered = EventDetails.state(state.name(), "input", data);
            String type = state.common().type();
            long enteredId = frame.event(type + "StateEntered", entered);
            StateEnv env = new StateEnv(frame, state, enteredId, frame.services().time().now());
            Outcome outcome = dispatch(state, data, env);
            PayloadLimit.check(outcome.output(), state.name());
            if (!outcome.assignments().isEmpty()) {
                frame.variables().assignAll(outcome.assignments());
            }
            ObjectNode exited = EventDetails.state(state.name(), "output", outcome.output());
            frame.event(type + "StateExited", exited);
            if (outcome.transition().end()) {
                return outcome.output();
            }
            current = outcome.transition().next();
            data = outcome.output();
        }
    }

    /** Runs the state under the execution deadline: a sleep that crosses it ends the execution TIMED_OUT. */
    private static Outcome dispatch(State state, JsonNode input, StateEnv env) {
        env.frame().runtime().checkDeadline();
        java.time.Instant deadline = env.frame().runtime().deadline();
        if (deadline == null) {
            return handle(state, input, env);
        }
        try {
            return io.sensoretl.asl.time.Deadlines.withDeadline(deadline, () -> handle(state, input, env));
        } catch (io.sensoretl.asl.time.DeadlineExceeded e) {
            throw new io.sensoretl.asl.runtime.ExecutionTimedOut();
        }
    }

    private static Outcome handle(State state, JsonNode input, StateEnv env) {
        return StateType.of(state).run(state, input, env);
    }
}
