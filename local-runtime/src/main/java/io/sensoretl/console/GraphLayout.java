package io.sensoretl.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each state of a definition goes in its graph, top to bottom: states in layers by their distance from
 * {@code StartAt} along Next, Default, Choices and Catch, each layer centred; a Parallel state holds its branches
 * side by side, a Map state its ItemProcessor (or Iterator), each laid out the same way inside it. Pure geometry:
 * {@link GraphSvg} draws it.
 */
final class GraphLayout {
    static final double LEAF_HEIGHT = 44;
    static final double MIN_LEAF_WIDTH = 150;
    static final double LAYER_GAP = 46;
    static final double SIBLING_GAP = 28;
    static final double PADDING = 14;
    static final double HEADER = 26;

    /** A state's box; {@code container} for Parallel and Map, whose inner states are boxes of their own. */
    record Box(String name, String type, double x, double y, double width, double height, boolean container,
               int depth) {
        double centerX() {
            return x + width / 2;
        }

        boolean contains(Box other) {
            return other.x >= x && other.y >= y && other.x + other.width <= x + width
                    && other.y + other.height <= y + height;
        }
    }

    enum EdgeKind { NEXT, CHOICE, DEFAULT, CATCH }

    /** A transition; {@code back} when it goes to a state no lower than its own (a loop), drawn beside the graph. */
    record Edge(String from, String to, EdgeKind kind, String label, boolean back) {}

    record Layout(List<Box> boxes, List<Edge> edges, double width, double height) {
        Box box(String name) {
            return boxes.stream().filter(b -> b.name().equals(name)).findFirst().orElse(null);
        }
    }

    private final List<Box> boxes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();

    private GraphLayout() {}

    /** The layout of a definition ({@code StartAt}, {@code States}) at the origin. */
    static Layout of(JsonNode definition) {
        GraphLayout g = new GraphLayout();
        Sized top = g.measure(definition, 0);
        top.place(0, 0);
        return new Layout(List.copyOf(g.boxes), List.copyOf(g.edges), top.width, top.height);
    }

    /** A sub-graph measured but not yet placed: placing it records its boxes at their final coordinates. */
    private abstract static class Sized {
        double width;
        double height;

        abstract void place(double x, double y);
    }

    private Sized measure(JsonNode machine, int depth) {
        JsonNode states = machine.path("States");
        Map<String, Integer> rank = ranks(machine.path("StartAt").asText(), states);
        Map<String, Sized> nodes = new LinkedHashMap<>();
        states.properties().forEach(s -> nodes.put(s.getKey(), state(s.getKey(), s.getValue(), depth)));
        int layers = rank.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        List<List<String>> byLayer = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            byLayer.add(new ArrayList<>());
        }
        rank.forEach((name, r) -> byLayer.get(r).add(name));
        double[] layerWidth = new double[layers];
        double[] layerHeight = new double[layers];
        for (int i = 0; i < layers; i++) {
            for (String name : byLayer.get(i)) {
                layerWidth[i] += nodes.get(name).width;
                layerHeight[i] = Math.max(layerHeight[i], nodes.get(name).height);
            }
            layerWidth[i] += SIBLING_GAP * Math.max(0, byLayer.get(i).size() - 1);
        }
        Sized graph = new Sized() {
            @Override
            void place(double x, double y) {
                double top = y;
                for (int i = 0; i < layers; i++) {
                    double left = x + (width - layerWidth[i]) / 2;
                    for (String name : byLayer.get(i)) {
                        Sized n = nodes.get(name);
                        n.place(left, top + (layerHeight[i] - n.height) / 2);
                        left += n.width + SIBLING_GAP;
                    }
                    top += layerHeight[i] + LAYER_GAP;
                }
            }
        };
        for (int i = 0; i < layers; i++) {
            graph.width = Math.max(graph.width, layerWidth[i]);
            graph.height += layerHeight[i] + (i > 0 ? LAYER_GAP : 0);
        }
        states.properties().forEach(s -> transitions(s.getKey(), s.getValue(), rank));
        return graph;
    }

    /** Layers: the shortest distance from StartAt; states nothing reaches go below, in the order written. */
    private static Map<String, Integer> ranks(String startAt, JsonNode states) {
        Map<String, Integer> rank = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        if (states.has(startAt)) {
            rank.put(startAt, 0);
            queue.add(startAt);
        }
        while (!queue.isEmpty()) {
            String name = queue.poll();
            for (String[] t : targets(states.get(name))) {
                if (states.has(t[0]) && !rank.containsKey(t[0])) {
                    rank.put(t[0], rank.get(name) + 1);
                    queue.add(t[0]);
                }
            }
        }
        int next = rank.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        for (var it = states.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!rank.containsKey(name)) {
                rank.put(name, next++);
            }
        }
        return rank;
    }

    /** {target, kind, label} of each transition of a state, in the order written. */
    private static List<String[]> targets(JsonNode state) {
        List<String[]> out = new ArrayList<>();
        if (state.hasNonNull("Next")) {
            out.add(new String[] {state.get("Next").asText(), EdgeKind.NEXT.name(), ""});
        }
        int i = 1;
        for (JsonNode choice : state.path("Choices")) {
            if (choice.hasNonNull("Next")) {
                out.add(new String[] {choice.get("Next").asText(), EdgeKind.CHOICE.name(), "rule " + i});
            }
            i++;
        }
        if (state.hasNonNull("Default")) {
            out.add(new String[] {state.get("Default").asText(), EdgeKind.DEFAULT.name(), "Default"});
        }
        for (JsonNode c : state.path("Catch")) {
            if (c.hasNonNull("Next")) {
                List<String> errors = new ArrayList<>();
                c.path("ErrorEquals").forEach(x -> errors.add(x.asText()));
                out.add(new String[] {c.get("Next").asText(), EdgeKind.CATCH.name(), "Catch " + String.join(", ", errors)});
            }
        }
        return out;
    }

    private void transitions(String name, JsonNode state, Map<String, Integer> rank) {
        for (String[] t : targets(state)) {
            if (rank.containsKey(t[0])) {
                edges.add(new Edge(name, t[0], EdgeKind.valueOf(t[1]), t[2], rank.get(t[0]) <= rank.get(name)));
            }
        }
    }

    private Sized state(String name, JsonNode state, int depth) {
        String type = state.path("Type").asText();
        List<Sized> inner = new ArrayList<>();
        if (type.equals("Parallel")) {
            for (JsonNode branch : state.path("Branches")) {
                inner.add(measure(branch, depth + 1));
            }
        } else if (type.equals("Map")) {
            JsonNode processor = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.path("Iterator");
            if (processor.has("States")) {
                inner.add(measure(processor, depth + 1));
            }
        }
        boolean container = !inner.isEmpty();
        Sized s = new Sized() {
            @Override
            void place(double x, double y) {
                boxes.add(new Box(name, type, x, y, width, height, container, depth));
                double left = x + PADDING;
                double innerWidth = inner.stream().mapToDouble(i -> i.width).sum()
                        + SIBLING_GAP * Math.max(0, inner.size() - 1);
                left += (width - 2 * PADDING - innerWidth) / 2;
                for (Sized i : inner) {
                    i.place(left, y + HEADER + PADDING);
                    left += i.width + SIBLING_GAP;
                }
            }
        };
        double label = Math.max(MIN_LEAF_WIDTH, 7.2 * name.length() + 28);
        if (container) {
            double innerWidth = inner.stream().mapToDouble(i -> i.width).sum() + SIBLING_GAP * (inner.size() - 1);
            s.width = Math.max(label, innerWidth + 2 * PADDING);
            s.height = HEADER + 2 * PADDING + inner.stream().mapToDouble(i -> i.height).max().orElse(0);
        } else {
            s.width = label;
            s.height = LEAF_HEIGHT;
        }
        return s;
    }

    static Map<String, Box> byName(Layout layout) {
        Map<String, Box> out = new HashMap<>();
        layout.boxes().forEach(b -> out.put(b.name(), b));
        return out;
    }
}
