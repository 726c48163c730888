package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.definition.State;
import io.sensoretl.asl.definition.StateMachineDefinition;
import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.progress.FrameProgress;
import io.sensoretl.asl.progress.StateProgress;
import io.sensoretl.asl.runtime.EventDetails;
import io.sensoretl.asl.runtime.ExecutionTimedOut;
import io.sensoretl.asl.runtime.Frame;
import io.sensoretl.asl.runtime.StateEnv;
import io.sensoretl.asl.task.PayloadLimit;
import io.sensoretl.asl.time.DeadlineExceeded;
import io.sensoretl.asl.time.Deadlines;
import java.time.Instant;

/**
 * Walks a machine (or branch, or item processor) from StartAt to an end, recording state events and where the
 * frame stands. A frame being redriven starts at the state it did not finish, with that state's input and
 * variables, and that state reuses what its branches, iterations or Map Run had already done.
 */
public final class Interpreter {
    /** Standard workflows fail once their history would exceed 25,000 events; it also stops runaway loops. */
    static final int MAX_HISTORY_EVENTS = 25_000;

    private Interpreter() {}

    public static JsonNode run(StateMachineDefinition machine, JsonNode input, Frame frame) {
        // the thread works for this execution until the machine ends: a stop interrupts it
        return frame.runtime().control().working(() -> walk(machine, input, frame));
    }

    private static JsonNode walk(StateMachineDefinition machine, JsonNode input, Frame frame) {
        String current = machine.startAt();
        JsonNode data = input;
        StateProgress resumeInner = null;
        FrameProgress resume = frame.resume();
        if (resume != null && resume.resumable() && machine.states().containsKey(resume.state())) {
            current = resume.state();
            data = resume.input();
            frame.variables().assignAll(resume.variables());
            resumeInner = resume.inner();
        }
        while (true) {
            State state = machine.state(current);
            frame.runtime().control().check();
            if (frame.runtime().history().lastId() >= MAX_HISTORY_EVENTS) {
                throw new FailureException(StatesErrorName.RUNTIME,
                        "The execution reached the maximum number of history events (" + MAX_HISTORY_EVENTS
                                + ") before entering state '" + state.name() + "'.");
            }
            frame.progress().enter(state.name(), data, frame.variables().local());
            frame.runtime().checkpoint();
            ObjectNode entered = EventDetails.state(state.name(), "input", data);
            String type = state.common().type();
            long enteredId = frame.event(type + "StateEntered", entered);
            StateEnv env = new StateEnv(frame, state, enteredId, frame.services().time().now(), resumeInner, null);
            resumeInner = null;
            Outcome outcome = dispatch(state, data, env);
            PayloadLimit.check(outcome.output(), state.name());
            if (!outcome.assignments().isEmpty()) {
                frame.variables().assignAll(outcome.assignments());
            }
            ObjectNode exited = EventDetails.state(state.name(), "output", outcome.output());
            if (!outcome.assignments().isEmpty()) {
                exited.setAll(EventDetails.assignedVariables(outcome.assignments()));
            }
            frame.event(type + "StateExited", exited);
            if (outcome.transition().end()) {
                frame.progress().succeeded(outcome.output());
                return outcome.output();
            }
            current = outcome.transition().next();
            data = outcome.output();
        }
    }

    /** Runs the state under the execution deadline: a sleep that crosses it ends the execution TIMED_OUT. */
    private static Outcome dispatch(State state, JsonNode input, StateEnv env) {
        env.frame().runtime().checkDeadline();
        Instant deadline = env.frame().runtime().deadline();
        if (deadline == null) {
            return handle(state, input, env);
        }
        try {
            return Deadlines.withDeadline(deadline, () -> handle(state, input, env));
        } catch (DeadlineExceeded e) {
            throw new ExecutionTimedOut();
        }
    }

    static Outcome handle(State state, JsonNode input, StateEnv env) {
        return StateType.of(state).run(state, input, env);
    }
}
