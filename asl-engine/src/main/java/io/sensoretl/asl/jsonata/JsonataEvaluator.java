package io.sensoretl.asl.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.intrinsics.IntrinsicFunctions;
import io.sensoretl.asl.json.Json;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Evaluates Step Functions JSONata: binds $states and variables, adds/removes functions, converts results to JSON. */
public final class JsonataEvaluator {
    private final StepFunctionsJsonataFunctions functions;

    public JsonataEvaluator(IntrinsicFunctions intrinsics, RandomGenerator random) {
        this.functions = new StepFunctionsJsonataFunctions(intrinsics, random);
    }

    /** Checks syntax at load time. */
    public static void compile(String expression) {
        Jsonata.jsonata(expression);
    }

    /**
     * @return the value, or {@code null} when the expression produced nothing (undefined)
     * @throws JsonataFailure when evaluation throws or yields something that is not JSON
     */
    public JsonNode evaluate(JsonataExpression expression, JsonataBindings bindings) {
        Object result;
        try {
            Jsonata compiled = Jsonata.jsonata(expression.source());
            compiled.setOutputConvertNulls(false);
            Jsonata.Frame frame = compiled.createFrame();
            functions.bindInto(frame);
            for (Map.Entry<String, JsonNode> v : bindings.variables().entrySet()) {
                frame.bind(v.getKey(), JsonataBindings.toJsonata(v.getValue()));
            }
            frame.bind("states", bindings.states());
            result = compiled.evaluate(null, frame);
        } catch (JException e) {
            throw new JsonataFailure("threw an error during evaluation. " + describe(e));
        } catch (RuntimeException e) {
            throw new JsonataFailure("threw an error during evaluation. " + e.getMessage());
        }
        if (result == null) {
            return null;
        }
        if (!isJson(result)) {
            throw new JsonataFailure("returned an unsupported result type.");
        }
        return toJson(result);
    }

    /** Library errors carry a code (T1006, D3141, ...) shown as "code: message"; ours carry the message itself. */
    private static String describe(JException e) {
        String code = String.valueOf(e.getError());
        if (code.matches("[A-Z]\\d{4}")) {
            return code + ": " + stripCode(e);
        }
        return code;
    }

    private static String stripCode(JException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        return m.replaceFirst("^" + java.util.regex.Pattern.quote(String.valueOf(e.getError())) + ":?\\s*", "");
    }

    private static boolean isJson(Object o) {
        if (o == null || o == Jsonata.NULL_VALUE || o instanceof String || o instanceof Number || o instanceof Boolean) {
            return true;
        }
        if (o instanceof Map<?, ?> m) {
            return m.values().stream().allMatch(JsonataEvaluator::isJson);
        }
        if (o instanceof Iterable<?> l) {
            for (Object x : l) {
                if (!isJson(x)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    static JsonNode toJson(Object o) {
        if (o == Jsonata.NULL_VALUE) {
            return Json.NODES.nullNode();
        }
        if (o instanceof Map<?, ?> m) {
            com.fasterxml.jackson.databind.node.ObjectNode obj = Json.object();
            m.forEach((k, v) -> obj.set(String.valueOf(k), toJson(v)));
            return obj;
        }
        if (o instanceof Iterable<?> l) {
            com.fasterxml.jackson.databind.node.ArrayNode arr = Json.array();
            l.forEach(v -> arr.add(toJson(v)));
            return arr;
        }
        return Json.fromJava(o);
    }
}
