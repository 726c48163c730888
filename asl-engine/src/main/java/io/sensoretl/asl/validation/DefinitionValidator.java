package io.sensoretl.asl.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.definition.ChoiceOperators;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.intrinsics.IntrinsicExpression;
import io.sensoretl.asl.intrinsics.IntrinsicParser;
import io.sensoretl.asl.jsonata.JsonataEvaluator;
import io.sensoretl.asl.jsonata.JsonataExpression;
import io.sensoretl.asl.path.JsonPath;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a definition document before it runs: structure, unknown fields, transitions,
 * reachability, paths, intrinsics and JSONata syntax. Collects every problem instead of stopping.
 */
public final class DefinitionValidator {
    private static final Set<String> PATH_FIELDS = Set.of("InputPath", "OutputPath", "ResultPath", "ItemsPath",
            "SecondsPath", "TimestampPath", "TimeoutSecondsPath", "HeartbeatSecondsPath", "MaxConcurrencyPath",
            "ToleratedFailureCountPath", "ToleratedFailurePercentagePath");
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
            reachability(states, start, ptr);
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
        expressions(s, ptr, ql);
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
            case "Choice" -> choice(s, ptr, siblings);
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

    private void expressions(JsonNode node, String ptr, String ql) {
        Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            String p = ptr + "/" + escape(key);
            if (Set.of("States", "Branches", "ItemProcessor", "Iterator", "Choices").contains(key)) {
                continue;
            }
            if (v.isTextual()) {
                String text = v.textValue();
                if (ql.equals("JSONata") && JsonataExpression.isExpression(text)) {
                    try {
                        JsonataEvaluator.compile(JsonataExpression.of(text).source());
                    } catch (RuntimeException ex) {
                        problems.add(new Problem(p, "invalid JSONata expression: " + ex.getMessage()));
                    }
                } else if (ql.equals("JSONPath") && (key.endsWith(".$") || PATH_FIELDS.contains(key)
                        || key.equals("ErrorPath") || key.equals("CausePath"))) {
                    path(text, p, key.endsWith(".$") || key.equals("ErrorPath") || key.equals("CausePath"));
                }
            } else if (v.isObject() && !key.equals("Result")) {
                expressions(v, p, ql);
            } else if (v.isArray()) {
                for (int i = 0; i < v.size(); i++) {
                    if (v.get(i).isObject()) {
                        expressions(v.get(i), p + "/" + i, ql);
                    }
                }
            }
        }
    }

    private void path(String text, String ptr, boolean intrinsicAllowed) {
        try {
            if (intrinsicAllowed && IntrinsicExpression.looksLikeCall(text)) {
                IntrinsicParser.parse(text);
            } else {
                JsonPath.parse(text);
            }
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(ptr, e.getMessage()));
        }
    }

    private void choice(JsonNode s, String ptr, JsonNode siblings) {
        JsonNode choices = s.get("Choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            problems.add(new Problem(ptr + "/Choices", "Choice needs a non-empty Choices array"));
            return;
        }
        for (int i = 0; i < choices.size(); i++) {
            JsonNode c = choices.get(i);
            String next = c.path("Next").asText(null);
            if (next == null || !siblings.has(next)) {
                problems.add(new Problem(ptr + "/Choices/" + i + "/Next", "names no state: '" + next + "'"));
            }
            rule(c, ptr + "/Choices/" + i);
        }
        if (s.has("Default") && !siblings.has(s.get("Default").asText())) {
            problems.add(new Problem(ptr + "/Default", "names no state: '" + s.get("Default").asText() + "'"));
        }
    }

    private void rule(JsonNode c, String ptr) {
        if (c.has("Condition") || c.has("And") || c.has("Or") || c.has("Not")) {
            for (String comb : List.of("And", "Or")) {
                for (int i = 0; i < c.path(comb).size(); i++) {
                    rule(c.path(comb).get(i), ptr + "/" + comb + "/" + i);
                }
            }
            if (c.has("Not")) {
                rule(c.get("Not"), ptr + "/Not");
            }
            return;
        }
        boolean hasOp = false;
        Iterator<String> names = c.fieldNames();
        while (names.hasNext()) {
            hasOp |= ChoiceOperators.isOperator(names.next());
        }
        if (!hasOp) {
            problems.add(new Problem(ptr, "choice rule has no comparison operator"));
        }
        if (!c.path("Variable").isTextual()) {
            problems.add(new Problem(ptr + "/Variable", "a comparison needs a Variable path"));
        } else {
            path(c.get("Variable").asText(), ptr + "/Variable", false);
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

    private void reachability(JsonNode states, String start, String ptr) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(start);
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (!seen.add(n) || !states.has(n)) {
                continue;
            }
            JsonNode s = states.get(n);
            if (s.has("Next")) {
                todo.add(s.get("Next").asText());
            }
            if (s.has("Default")) {
                todo.add(s.get("Default").asText());
            }
            s.path("Choices").forEach(c -> todo.add(c.path("Next").asText()));
            s.path("Catch").forEach(c -> todo.add(c.path("Next").asText()));
        }
        states.fieldNames().forEachRemaining(n -> {
            if (!seen.contains(n)) {
                problems.add(new Problem(ptr + "/States/" + escape(n), "state '" + n + "' is unreachable from StartAt"));
            }
        });
    }

    private void unknown(JsonNode node, String ptr, Set<String> allowed) {
        node.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                problems.add(new Problem(ptr + "/" + escape(f), "unknown field '" + f + "'"));
            }
        });
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
