package io.sensoretl.asl.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.errors.StatesErrorName;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a definition document before it runs: structure, unknown fields, transitions,
 * reachability, paths, intrinsics and JSONata syntax. Collects every problem instead of stopping.
 */
public final class DefinitionValidator {
    private final List<Problem> problems = new ArrayList<>();

    public static List<Problem> validate(JsonNode root) {
        DefinitionValidator v = new DefinitionValidator();
        if (root == null || !root.isObject()) {
            v.problems.add(new Problem("", "a definition must be a JSON object"));
            return v.problems;
        }
        String ql = root.path("QueryLanguage").asText("JSONPath");
        if (!ql.equals("JSONPath") && !ql.equals("JSONata")) {
            v.problems.add(new Problem("/QueryLanguage", "must be JSONPath or JSONata, got '" + ql + "'"));
        }
        v.machine(root, "", ql, true);
        return v.problems;
    }

    private void machine(JsonNode node, String ptr, String ql, boolean top) {
        Set<String> allowed = top ? Set.of("StartAt", "States", "Comment", "Version", "TimeoutSeconds", "QueryLanguage")
                : Set.of("StartAt", "States", "Comment", "ProcessorConfig", "QueryLanguage");
        unknown(node, ptr, allowed);
        JsonNode states = node.get("States");
        if (states == null || !states.isObject() || states.isEmpty()) {
            problems.add(new Problem(ptr + "/States", "States must be a non-empty object"));
            return;
        }
        String start = node.path("StartAt").asText(null);
        if (start == null) {
            problems.add(new Problem(ptr + "/StartAt", "StartAt is required"));
        } else if (!states.has(start)) {
            problems.add(new Problem(ptr + "/StartAt", "StartAt names no state: '" + start + "'"));
        }
        Iterator<Map.Entry<String, JsonNode>> it = states.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            state(e.getKey(), e.getValue(), ptr + "/States/" + escape(e.getKey()), states, ql);
        }
        if (start != null && states.has(start)) {
            Reachability.check(states, start, ptr, problems);
        }
    }

    private void state(String name, JsonNode s, String ptr, JsonNode siblings, String machineQl) {
        if (name.length() > 80) {
            problems.add(new Problem(ptr, "state names must be at most 80 characters"));
        }
        String type = s.path("Type").asText(null);
        if (type == null || !AllowedFields.isType(type)) {
            problems.add(new Problem(ptr + "/Type", "unknown or missing state Type: " + type));
            return;
        }
        String ql = s.path("QueryLanguage").asText(machineQl);
        unknown(s, ptr, AllowedFields.of(type));
        boolean terminal = type.equals("Choice") || type.equals("Succeed") || type.equals("Fail");
        if (!terminal) {
            boolean end = s.path("End").asBoolean(false);
            if (end == s.has("Next")) {
                problems.add(new Problem(ptr, end ? "has both Next and End" : "needs Next or \"End\": true"));
            }
        }
        if (s.has("Next") && !siblings.has(s.get("Next").asText())) {
            problems.add(new Problem(ptr + "/Next", "names no state: '" + s.get("Next").asText() + "'"));
        }
        fieldsForLanguage(s, ptr, ql);
        new ExpressionChecks(problems).expressions(s, ptr, ql);
        switch (type) {
            case "Task" -> {
                if (!s.path("Resource").isTextual()) {
                    problems.add(new Problem(ptr + "/Resource", "Task needs a Resource string"));
                }
                JsonNode timeout = s.path("TimeoutSeconds");
                JsonNode heartbeat = s.path("HeartbeatSeconds");
                if (timeout.isNumber() && heartbeat.isNumber() && heartbeat.asLong() >= timeout.asLong()) {
                    problems.add(new Problem(ptr + "/HeartbeatSeconds", "HeartbeatSeconds must be smaller than TimeoutSeconds"));
                }
                for (String f : List.of("TimeoutSeconds", "HeartbeatSeconds")) {
                    if (s.path(f).isNumber() && (!s.path(f).canConvertToExactIntegral() || s.path(f).asLong() <= 0)) {
                        problems.add(new Problem(ptr + "/" + f, f + " must be a positive integer"));
                    }
                }
            }
            case "Choice" -> new ChoiceChecks(problems).choice(s, ptr, siblings);
            case "Wait" -> {
                int n = 0;
                for (String f : List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")) {
                    n += s.has(f) ? 1 : 0;
                }
                if (n != 1) {
                    problems.add(new Problem(ptr, "Wait needs exactly one of Seconds, SecondsPath, Timestamp, TimestampPath"));
                }
            }
            case "Parallel" -> {
                JsonNode branches = s.get("Branches");
                if (branches == null || !branches.isArray() || branches.isEmpty()) {
                    problems.add(new Problem(ptr + "/Branches", "Parallel needs a non-empty Branches array"));
                } else {
                    for (int i = 0; i < branches.size(); i++) {
                        machine(branches.get(i), ptr + "/Branches/" + i, ql, false);
                    }
                }
            }
            case "Map" -> {
                String field = s.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
                if (!s.has(field)) {
                    problems.add(new Problem(ptr, "Map needs an ItemProcessor"));
                } else {
                    machine(s.get(field), ptr + "/" + field, ql, false);
                }
                if (ql.equals("JSONPath")) {
                    nestedPath(s, ptr, "ItemReader", "ReaderConfig", "MaxItemsPath");
                    nestedPath(s, ptr, "ItemBatcher", "MaxItemsPerBatchPath");
                    nestedPath(s, ptr, "ItemBatcher", "MaxInputBytesPerBatchPath");
                }
            }
            default -> { }
        }
        for (String handling : List.of("Retry", "Catch")) {
            JsonNode arr = s.path(handling);
            for (int i = 0; i < arr.size(); i++) {
                errorEquals(arr.get(i), ptr + "/" + handling + "/" + i);
                if (handling.equals("Catch") && !siblings.has(arr.get(i).path("Next").asText())) {
                    problems.add(new Problem(ptr + "/Catch/" + i + "/Next", "names no state: '"
                            + arr.get(i).path("Next").asText() + "'"));
                }
            }
        }
    }

    /** A reference path nested in an object field of the state, e.g. ItemReader/ReaderConfig/MaxItemsPath. */
    private void nestedPath(JsonNode s, String ptr, String... steps) {
        JsonNode node = s;
        for (String step : steps) {
            node = node.path(step);
        }
        if (node.isMissingNode()) {
            return;
        }
        String at = ptr + "/" + String.join("/", steps);
        if (!node.isTextual()) {
            problems.add(new Problem(at, "must be a reference path string"));
            return;
        }
        try {
            io.sensoretl.asl.path.JsonPath.parse(node.asText());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(at, e.getMessage()));
        }
    }

    private void fieldsForLanguage(JsonNode s, String ptr, String ql) {
        List<String> wrong = ql.equals("JSONata")
                ? List.of("InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath", "ItemsPath")
                : List.of("Arguments", "Output", "Items");
        for (String f : wrong) {
            boolean mapParameters = f.equals("Parameters") && s.path("Type").asText().equals("Map");
            if (s.has(f) && !mapParameters) {
                problems.add(new Problem(ptr + "/" + f, "field " + f + " is not allowed in a " + ql + " state"));
            }
        }
    }

    private void errorEquals(JsonNode handler, String ptr) {
        JsonNode names = handler.get("ErrorEquals");
        if (names == null || !names.isArray() || names.isEmpty()) {
            problems.add(new Problem(ptr + "/ErrorEquals", "ErrorEquals must be a non-empty array"));
            return;
        }
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i).asText();
            if (StatesErrorName.isReserved(n) && StatesErrorName.fromCode(n) == null) {
                problems.add(new Problem(ptr + "/ErrorEquals/" + i, "unknown States error name '" + n + "'"));
            }
        }
        if (handler.has("JitterStrategy")) {
            String j = handler.get("JitterStrategy").asText();
            if (!j.equals("FULL") && !j.equals("NONE")) {
                problems.add(new Problem(ptr + "/JitterStrategy", "must be FULL or NONE, got '" + j + "'"));
            }
        }
    }

    private void unknown(JsonNode node, String ptr, Set<String> allowed) {
        node.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                problems.add(new Problem(ptr + "/" + escape(f), "unknown field '" + f + "'"));
            }
        });
    }

    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
