package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.definition.MapLimits;
import io.sensoretl.asl.definition.MapState;
import io.sensoretl.asl.definition.QueryLanguage;
import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.progress.BranchesProgress;
import io.sensoretl.asl.progress.FrameProgress;
import io.sensoretl.asl.progress.MapRunProgress;
import io.sensoretl.asl.progress.StateProgress;
import io.sensoretl.asl.retry.ErrorHandlingRunner;
import io.sensoretl.asl.runtime.Frame;
import io.sensoretl.asl.runtime.StateEnv;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Map: resolves items, shapes each with ItemSelector, and runs the processor inline or as a distributed map run.
 * Redriven, an inline Map re-runs only its unsuccessful iterations and a Distributed Map redrives its Map Run.
 */
final class MapHandler implements StateHandler<MapState> {
    @Override
    public Outcome run(MapState state, JsonNode raw, StateEnv env) {
        return ErrorHandlingRunner.run(state.errorHandling(), env, () -> attempt(state, raw, env),
                (catcher, failure) -> CatchOutcome.of(state, catcher, failure, raw, env));
    }

    private Outcome attempt(MapState state, JsonNode raw, StateEnv env) {
        boolean jsonata = state.queryLanguage() == QueryLanguage.JSONATA;
        JsonNode input = jsonata ? raw : JsonPathFlow.inputPath(state.common().inputPath(), raw, env);
        env.inspect("afterInputPath", input);
        StateValues values = StateValues.of(env, raw, input);
        MapLimits.Resolved limits = state.limits().resolve(values);
        StateProgress resume = env.takeResume();
        JsonNode result;
        if (state.distributed() && resume instanceof MapRunProgress earlier) {
            // a redriven Map Run keeps its items: they are not read again
            env.frame().event("MapStateStarted", Json.object().put("length", earlier.children().size()));
            result = distributed(state, env, limits, values, earlier, null);
        } else {
            List<JsonNode> items = MapItemSource.items(state, values, env);
            env.inspect("afterItemsPath", Json.array().addAll(items));
            List<JsonNode> iterationInputs = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                iterationInputs.add(select(state, input, raw, i, items.get(i), env));
            }
            env.inspect("afterItemSelector", Json.array().addAll(iterationInputs));
            env.frame().event("MapStateStarted", Json.object().put("length", items.size()));
            result = state.distributed() ? distributed(state, env, limits, values, null, iterationInputs)
                    : inline(state, iterationInputs, items, limits, env,
                    resume instanceof BranchesProgress b && b.size() == items.size() ? b : null);
        }
        env.frame().event("MapStateSucceeded", null);
        return ResultFlow.complete(state, state.resultSelector(), state.resultPath(), raw, result, env);
    }

    private JsonNode distributed(MapState state, StateEnv env, MapLimits.Resolved limits, StateValues values,
                                 MapRunProgress earlier, List<JsonNode> inputs) {
        try {
            return new DistributedMapRun(state, env, limits).run(inputs, values, earlier);
        } catch (FailureException e) {
            env.frame().event("MapStateFailed", null);
            throw e;
        }
    }

    private JsonNode select(MapState state, JsonNode input, JsonNode raw, int index, JsonNode item, StateEnv env) {
        if (state.itemSelector() == null) {
            return item;
        }
        StateEnv scoped = env.withMapItem(mapItem(index, item));
        if (state.queryLanguage() == QueryLanguage.JSONATA) {
            return JsonataFlow.value(state.itemSelector(), "ItemSelector", scoped.bindings(raw, null, null), scoped);
        }
        return JsonPathFlow.template(state.itemSelector(), input, scoped);
    }

    static ObjectNode mapItem(int index, JsonNode item) {
        ObjectNode o = Json.object();
        o.put("Index", index);
        o.set("Value", item);
        return o;
    }

    private JsonNode inline(MapState state, List<JsonNode> inputs, List<JsonNode> items, MapLimits.Resolved limits,
                            StateEnv env, BranchesProgress before) {
        BranchesProgress progress = BranchesProgress.of(inputs.size());
        env.frame().progress().inner(progress);
        List<Callable<JsonNode>> work = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            FrameProgress earlier = before == null ? null : before.get(i);
            FrameProgress mine = progress.get(i);
            if (earlier != null && earlier.done()) {
                // a redriven Map does not run a successful iteration again
                mine.succeeded(earlier.output());
                JsonNode output = earlier.output();
                work.add(() -> output);
                continue;
            }
            Frame frame = env.frame().branch(mapItem(i, items.get(i)), mine, earlier);
            JsonNode in = inputs.get(i);
            int index = i;
            work.add(() -> {
                frame.event("MapIterationStarted", Json.object().put("name", state.name()).put("index", index));
                try {
                    JsonNode out = Interpreter.run(state.processor(), in, frame);
                    frame.event("MapIterationSucceeded", Json.object().put("name", state.name()).put("index", index));
                    return out;
                } catch (FailureException e) {
                    frame.event("MapIterationFailed", Json.object().put("name", state.name()).put("index", index));
                    throw e;
                }
            });
        }
        ArrayNode result = Json.array();
        try {
            BoundedRunner.runAll(env.services().executor(), env.services().time(), work, limits.maxConcurrency())
                    .forEach(result::add);
        } catch (FailureException e) {
            env.frame().event("MapStateFailed", null);
            throw e;
        }
        return result;
    }
}
