package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sensoretl.asl.definition.ParallelState;
import io.sensoretl.asl.definition.StateMachineDefinition;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.retry.ErrorHandlingRunner;
import io.sensoretl.asl.runtime.Frame;
import io.sensoretl.asl.runtime.StateEnv;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Parallel: every branch gets the same input in its own variable scope; the first branch failure fails the state. */
final class ParallelHandler implements StateHandler<ParallelState> {
    @Override
    public Outcome run(ParallelState state, JsonNode raw, StateEnv env) {
        return ErrorHandlingRunner.run(state.errorHandling(), env, () -> attempt(state, raw, env),
                (catcher, failure) -> CatchOutcome.of(state, catcher, failure, raw, env));
    }

    private Outcome attempt(ParallelState state, JsonNode raw, StateEnv env) {
        JsonNode input = ResultFlow.effectiveInput(state, state.parameters(), raw, env);
        env.frame().event("ParallelStateStarted", null);
        List<Callable<JsonNode>> work = new ArrayList<>();
        for (StateMachineDefinition branch : state.branches()) {
            Frame frame = env.frame().branch(null);
            work.add(() -> Interpreter.run(branch, input, frame));
        }
        List<JsonNode> outputs;
        try {
            outputs = BoundedRunner.runAll(env.services().executor(), env.services().time(), work, 0);
        } catch (io.sensoretl.asl.errors.FailureException e) {
            env.frame().event("ParallelStateFailed", null);
            throw e;
        }
        ArrayNode result = Json.array();
        outputs.forEach(result::add);
        env.frame().event("ParallelStateSucceeded", null);
        return ResultFlow.complete(state, state.resultSelector(), state.resultPath(), raw, result, env);
    }
}
