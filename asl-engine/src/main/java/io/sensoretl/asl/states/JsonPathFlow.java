package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.definition.PathSpec;
import io.sensoretl.asl.definition.ResultPathSpec;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.path.JsonPath;
import io.sensoretl.asl.path.PathNotFoundException;
import io.sensoretl.asl.payload.PayloadTemplate;
import io.sensoretl.asl.runtime.StateEnv;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSONPath input/output processing: InputPath, Parameters, ResultSelector, ResultPath, OutputPath, Assign. */
final class JsonPathFlow {
    private JsonPathFlow() {}

    static JsonNode inputPath(PathSpec spec, JsonNode raw, StateEnv env) {
        return select(spec, raw, env);
    }

    static JsonNode outputPath(PathSpec spec, JsonNode value, StateEnv env) {
        return select(spec, value, env);
    }

    private static JsonNode select(PathSpec spec, JsonNode value, StateEnv env) {
        if (spec.isNull()) {
            return Json.object();
        }
        if (spec.path().text().equals("$")) {
            return value;
        }
        try {
            return env.resolve(spec.path().path(), value);
        } catch (PathNotFoundException e) {
            throw env.runtimeError(StatesErrorName.RUNTIME, "Invalid path '" + spec.path().text() + "' : " + e.getMessage());
        }
    }

    static JsonNode template(JsonNode template, JsonNode data, StateEnv env) {
        return template == null ? data : PayloadTemplate.evaluate(template, data, env);
    }

    static JsonNode resultPath(ResultPathSpec spec, JsonNode raw, JsonNode result, StateEnv env) {
        if (spec.discard()) {
            return raw;
        }
        String text = spec.path().text();
        if (text.equals("$")) {
            return result;
        }
        JsonPath path = spec.path().path();
        if (path.root() != JsonPath.Root.INPUT || !path.isDefinite()) {
            throw env.runtimeError(StatesErrorName.RUNTIME, "Invalid ResultPath '" + text + "'.");
        }
        if (!raw.isContainerNode()) {
            throw env.runtimeError(StatesErrorName.RESULT_PATH_MATCH_FAILURE, "Unable to apply ResultPath '"
                    + text + "' to input " + Json.write(raw));
        }
        JsonNode root = raw.deepCopy();
        JsonNode current = root;
        List<JsonPath.Segment> segments = path.segments();
        for (int i = 0; i < segments.size(); i++) {
            JsonPath.Segment seg = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (seg instanceof JsonPath.Field f && current.isObject()) {
                ObjectNode obj = (ObjectNode) current;
                if (last) {
                    obj.set(f.name(), result);
                } else {
                    JsonNode next = obj.get(f.name());
                    if (next == null || !(next.isObject() || next.isArray() && segments.get(i + 1) instanceof JsonPath.Index)) {
                        next = obj.putObject(f.name());
                    }
                    current = next;
                }
            } else if (seg instanceof JsonPath.Index ix && current.isArray()
                    && ix.index() >= 0 && ix.index() < current.size()) {
                ArrayNode arr = (ArrayNode) current;
                if (last) {
                    arr.set(ix.index(), result);
                } else {
                    current = arr.get(ix.index());
                }
            } else {
                throw env.runtimeError(StatesErrorName.RESULT_PATH_MATCH_FAILURE, "Unable to apply ResultPath '"
                        + text + "' to input " + Json.write(raw));
            }
        }
        return root;
    }

    /** Assign in a JSONPath state: values are templates evaluated against the state's result. */
    static Map<String, JsonNode> assign(JsonNode assign, JsonNode subject, StateEnv env) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (assign == null) {
            return out;
        }
        JsonNode evaluated = PayloadTemplate.evaluate(assign, subject, env);
        Iterator<Map.Entry<String, JsonNode>> it = evaluated.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }
}
