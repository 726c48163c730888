package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.definition.MapLimits;
import io.sensoretl.asl.definition.MapState;
import io.sensoretl.asl.definition.QueryLanguage;
import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.retry.ErrorHandlingRunner;
import io.sensoretl.asl.runtime.Frame;
import io.sensoretl.asl.runtime.StateEnv;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Map: resolves items, shapes each with ItemSelector, and runs the processor inline or as a distributed map run. */
final class MapHandler implements StateHandler<MapState> {
    @Override
    public Outcome run(MapState state, JsonNode raw, StateEnv env) {
        return ErrorHandlingRunner.run(state.errorHandling(), env, () -> attempt(state, raw, env),
                (catcher, failure) -> CatchOutcome.of(state, catcher, failure, raw, env));
    }

    private Outcome attempt(MapState state, JsonNode raw, StateEnv env) {
        boolean jsonata = state.queryLanguage() == QueryLanguage.JSONATA;
        JsonNode input = jsonata ? raw : JsonPathFlow.inputPath(state.common().inputPath(), raw, env);
        StateValues values = StateValues.of(env, raw, input);
        MapLimits.Resolved limits = state.limits().resolve(values);
        List<JsonNode> items = MapItemSource.items(state, values, env);
        List<JsonNode> iterationInputs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            iterationInputs.add(select(state, input, raw, i, items.get(i), env));
        }
        env.frame().event("MapStateStarted", Json.object().put("length", items.size()));
        JsonNode result;
        try {
            result = state.distributed()
                    ? new DistributedMapRun(state, env, limits).run(iterationInputs, values)
                    : inline(state, iterationInputs, items, limits, env);
        } catch (FailureException e) {
            env.frame().event("MapStateFailed", null);
            throw e;
        }
        env.frame().event("MapStateSucceeded", null);
        return ResultFlow.complete(state, state.resultSelector(), state.resultPath(), raw, result, env);
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

    private JsonNode inline(MapState state, List<JsonNode> inputs, List<JsonNode> items,
                            MapLimits.Resolved limits, StateEnv env) {
        List<Callable<JsonNode>> work = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Frame frame = env.frame().branch(mapItem(i, items.get(i)));
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
        BoundedRunner.runAll(env.services().executor(), env.services().time(), work,
                limits.maxConcurrency()).forEach(result::add);
        return result;
    }
}
