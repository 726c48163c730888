package io.sensoretl.asl.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.json.JsonEquivalence;
import io.sensoretl.asl.path.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Compares an expected outcome with the engine's, skipping placeholder paths and comparing JSON causes as JSON. */
final class OutcomeComparison {
    private final Set<List<String>> placeholders = new HashSet<>();
    private final List<String> mismatches = new ArrayList<>();

    private OutcomeComparison(List<String> placeholderPaths) {
        for (String p : placeholderPaths) {
            List<String> segs = new ArrayList<>();
            for (JsonPath.Segment s : JsonPath.parse(p).segments()) {
                if (s instanceof JsonPath.Field f) {
                    segs.add(f.name());
                } else if (s instanceof JsonPath.Index i) {
                    segs.add(String.valueOf(i.index()));
                }
            }
            placeholders.add(segs);
        }
    }

    /** @return human-readable mismatches; empty when the outcomes agree */
    public static List<String> compare(JsonNode expected, JsonNode got, List<String> placeholderPaths) {
        OutcomeComparison c = new OutcomeComparison(placeholderPaths);
        JsonNode exp = expected.deepCopy();
        JsonNode act = got.deepCopy();
        if (exp.has("cause") && (exp.get("cause").isObject() || exp.get("cause").isArray()) && act.path("cause").isTextual()) {
            try {
                ((com.fasterxml.jackson.databind.node.ObjectNode) act).set("cause", Json.parse(act.get("cause").asText()));
            } catch (IllegalArgumentException ignored) {
                // left as text: the comparison reports the difference
            }
        }
        for (String field : List.of("status", "output", "error", "cause")) {
            c.node(List.of(field), exp.get(field), act.get(field));
        }
        return c.mismatches;
    }

    private void node(List<String> path, JsonNode exp, JsonNode act) {
        if (placeholders.contains(path)) {
            if (exp != null && act == null) {
                mismatches.add(show(path) + ": missing (placeholder value)");
            }
            return;
        }
        if (exp == null || act == null) {
            if (exp != act) {
                mismatches.add(show(path) + ": expected " + (exp == null ? "nothing" : Json.write(exp)) + ", got "
                        + (act == null ? "nothing" : Json.write(act)));
            }
            return;
        }
        if (exp.isObject() && act.isObject()) {
            Set<String> keys = new HashSet<>();
            exp.fieldNames().forEachRemaining(keys::add);
            act.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                node(child(path, k), exp.get(k), act.get(k));
            }
            return;
        }
        if (exp.isArray() && act.isArray() && exp.size() == act.size()) {
            for (int i = 0; i < exp.size(); i++) {
                node(child(path, String.valueOf(i)), exp.get(i), act.get(i));
            }
            return;
        }
        if (!JsonEquivalence.equivalent(exp, act)) {
            mismatches.add(show(path) + ": expected " + Json.write(exp) + ", got " + Json.write(act));
        }
    }

    private static List<String> child(List<String> path, String seg) {
        List<String> out = new ArrayList<>(path);
        out.add(seg);
        return out;
    }

    private static String show(List<String> path) {
        return "$." + String.join(".", path);
    }
}
