package io.sensoretl.asl.path;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.json.Json;
import java.math.BigDecimal;
import java.util.Set;

/** The Jayway path functions AWS's JSONPath accepts at the end of a path, e.g. {@code $.items.length()}. */
final class PathFunctions {
    private static final Set<String> NAMES = Set.of("length", "size", "min", "max", "avg", "sum");

    private PathFunctions() {}

    static JsonPath.Function segment(String name, String path) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("invalid path '" + path + "': unknown function " + name + "()");
        }
        return new JsonPath.Function(name);
    }

    static JsonNode apply(String name, JsonNode target, String path) {
        if (name.equals("length") || name.equals("size")) {
            if (target.isTextual()) {
                return Json.NODES.numberNode(target.textValue().length());
            }
            if (target.isContainerNode()) {
                return Json.NODES.numberNode(target.size());
            }
            throw new PathNotFoundException("Function " + name + "() of path " + path + " needs an array, object or string");
        }
        if (!target.isArray() || target.isEmpty()) {
            throw new PathNotFoundException("Function " + name + "() of path " + path + " needs a non-empty array of numbers");
        }
        BigDecimal acc = null;
        for (JsonNode n : target) {
            if (!n.isNumber()) {
                throw new PathNotFoundException("Function " + name + "() of path " + path + " needs numbers, got " + n);
            }
            BigDecimal v = n.decimalValue();
            acc = acc == null ? v : switch (name) {
                case "min" -> acc.min(v);
                case "max" -> acc.max(v);
                default -> acc.add(v);
            };
        }
        if (name.equals("avg")) {
            return Json.number(acc.doubleValue() / target.size());
        }
        return Json.number(acc.doubleValue());
    }
}
