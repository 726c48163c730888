package io.sensoretl.asl.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sensoretl.asl.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed ASL path: the restricted JSONPath the States Language allows, rooted at the input
 * ({@code $}), the context object ({@code $$}) or a variable ({@code $name}).
 */
public record JsonPath(String text, Root root, String variable, List<Segment> segments) {

    public enum Root { INPUT, CONTEXT, VARIABLE }

    /** One step of a path. */
    public sealed interface Segment permits Field, Index, Wildcard, Slice, Descend, Filter, Union, Function {}

    public record Field(String name) implements Segment {}

    public record Index(int index) implements Segment {}

    public record Wildcard() implements Segment {}

    public record Slice(Integer start, Integer end, Integer step) implements Segment {}

    public record Descend(String name) implements Segment {}

    public record Filter(FilterPredicate predicate) implements Segment {}

    /** {@code [0,2]} or {@code ['a','b']}: several indexes or names at once. */
    public record Union(List<Segment> members) implements Segment {}

    /** A trailing Jayway function: length(), min(), max(), avg(), sum(). */
    public record Function(String name) implements Segment {}

    public static JsonPath parse(String text) {
        return JsonPathParser.parse(text);
    }

    /** A definite path selects at most one node; an indefinite one always yields a list. */
    public boolean isDefinite() {
        return segments.stream().allMatch(s -> s instanceof Field || s instanceof Index);
    }

    /**
     * Evaluates against a root node.
     *
     * @throws PathNotFoundException naming the missing step as Jayway-based AWS messages do
     */
    public JsonNode evaluate(JsonNode rootNode) {
        if (!segments.isEmpty() && segments.get(segments.size() - 1) instanceof Function fn) {
            JsonPath target = new JsonPath(text, root, variable, segments.subList(0, segments.size() - 1));
            return PathFunctions.apply(fn.name(), target.evaluate(rootNode), text);
        }
        if (isDefinite()) {
            JsonNode current = rootNode;
            StringBuilder normalized = new StringBuilder("$");
            for (int i = 0; i < segments.size(); i++) {
                Segment s = segments.get(i);
                boolean last = i == segments.size() - 1;
                JsonNode next = null;
                if (s instanceof Field f) {
                    normalized.append("['").append(f.name()).append("']");
                    next = current != null && current.isObject() ? current.get(f.name()) : null;
                } else if (s instanceof Index ix) {
                    normalized.append('[').append(ix.index()).append(']');
                    if (current != null && current.isArray()) {
                        int idx = ix.index() < 0 ? current.size() + ix.index() : ix.index();
                        next = idx >= 0 && idx < current.size() ? current.get(idx) : null;
                    }
                }
                if (next == null) {
                    throw new PathNotFoundException(last
                            ? "No results for path: " + normalized
                            : "Missing property in path " + normalized);
                }
                current = next;
            }
            return current;
        }
        List<JsonNode> current = new ArrayList<>();
        current.add(rootNode);
        for (Segment s : segments) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode n : current) {
                step(s, n, next, rootNode);
            }
            current = next;
        }
        ArrayNode out = Json.array();
        current.forEach(out::add);
        return out;
    }

    private static void step(Segment s, JsonNode n, List<JsonNode> out, JsonNode root) {
        if (n == null) {
            return;
        }
        if (s instanceof Field f) {
            if (n.isObject() && n.has(f.name())) {
                out.add(n.get(f.name()));
            }
        } else if (s instanceof Index ix) {
            if (n.isArray()) {
                int idx = ix.index() < 0 ? n.size() + ix.index() : ix.index();
                if (idx >= 0 && idx < n.size()) {
                    out.add(n.get(idx));
                }
            }
        } else if (s instanceof Wildcard) {
            if (n.isArray() || n.isObject()) {
                n.elements().forEachRemaining(out::add);
            }
        } else if (s instanceof Slice sl) {
            if (n.isArray()) {
                int size = n.size();
                int step = sl.step() == null ? 1 : sl.step();
                int start = sl.start() == null ? 0 : clamp(sl.start(), size);
                int end = sl.end() == null ? size : clamp(sl.end(), size);
                for (int i = start; i < end; i += Math.max(step, 1)) {
                    out.add(n.get(i));
                }
            }
        } else if (s instanceof Descend d) {
            descend(d.name(), n, out);
        } else if (s instanceof Union u) {
            for (Segment member : u.members()) {
                step(member, n, out, root);
            }
        } else if (s instanceof Filter f) {
            if (n.isArray()) {
                n.forEach(e -> {
                    if (f.predicate().test(e, root)) {
                        out.add(e);
                    }
                });
            } else if (n.isObject() && f.predicate().test(n, root)) {
                out.add(n);
            }
        }
    }

    private static int clamp(int v, int size) {
        int r = v < 0 ? size + v : v;
        return Math.max(0, Math.min(size, r));
    }

    private static void descend(String name, JsonNode n, List<JsonNode> out) {
        if (n.isObject()) {
            if (name.equals("*")) {
                n.elements().forEachRemaining(out::add);
            } else if (n.has(name)) {
                out.add(n.get(name));
            }
        }
        if (n.isArray() || n.isObject()) {
            n.elements().forEachRemaining(c -> descend(name, c, out));
        }
    }
}
