package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sensoretl.asl.definition.ParallelState;
import io.sensoretl.asl.definition.StateMachineDefinition;
import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.progress.BranchesProgress;
import io.sensoretl.asl.progress.FrameProgress;
import io.sensoretl.asl.retry.ErrorHandlingRunner;
import io.sensoretl.asl.runtime.Frame;
import io.sensoretl.asl.runtime.StateEnv;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Parallel: every branch gets the same input in its own variable scope; the first branch failure fails the state.
 * Redriven, it re-runs only the branches that did not succeed, each from where it stood.
 */
final class ParallelHandler implements StateHandler<ParallelState> {
    @Override
    public Outcome run(ParallelState state, JsonNode raw, StateEnv env) {
        return ErrorHandlingRunner.run(state.errorHandling(), env, () -> attempt(state, raw, env),
                (catcher, failure) -> CatchOutcome.of(state, catcher, failure, raw, env));
    }

    private Outcome attempt(ParallelState state, JsonNode raw, StateEnv env) {
        JsonNode input = ResultFlow.effectiveInput(state, state.parameters(), raw, env);
        env.frame().event("ParallelStateStarted", null);
        BranchesProgress before = Branches.resumable(env, state.branches().size());
        BranchesProgress progress = BranchesProgress.of(state.branches().size());
        env.frame().progress().inner(progress);
        List<Callable<JsonNode>> work = new ArrayList<>();
        for (int i = 0; i < state.branches().size(); i++) {
            StateMachineDefinition branch = state.branches().get(i);
            FrameProgress earlier = before == null ? null : before.get(i);
            FrameProgress mine = progress.get(i);
            if (earlier != null && earlier.done()) {
                mine.succeeded(earlier.output());
                JsonNode output = earlier.output();
                work.add(() -> output);
                continue;
            }
            Frame frame = env.frame().branch(null, mine, earlier);
            work.add(() -> Interpreter.run(branch, input, frame));
        }
        List<JsonNode> outputs;
        try {
            outputs = BoundedRunner.runAll(env.services().executor(), env.services().time(), work, 0);
        } catch (FailureException e) {
            env.frame().event("ParallelStateFailed", null);
            throw e;
        }
        ArrayNode result = Json.array();
        outputs.forEach(result::add);
        env.frame().event("ParallelStateSucceeded", null);
        return ResultFlow.complete(state, state.resultSelector(), state.resultPath(), raw, result, env);
    }
}
