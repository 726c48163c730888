package io.sensoretl.asl.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.definition.StateChecks;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.states.StateType;
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
    /** States.* names a Fail state of this definition raises: a Catch or Retry may name them (AWS accepts it). */
    private final Set<String> raisedByFail = new java.util.HashSet<>();

    private DefinitionValidator() {}

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
        v.collectFailErrors(root);
        v.machine(root, "", ql, true);
        return v.problems;
    }

    private void collectFailErrors(JsonNode node) {
        if (node.isObject() && "Fail".equals(node.path("Type").asText()) && node.path("Error").isTextual()) {
            raisedByFail.add(node.get("Error").textValue());
        }
        if (node.isContainerNode()) {
            node.elements().forEachRemaining(this::collectFailErrors);
        }
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
        String typeName = s.path("Type").asText(null);
        StateType type = typeName == null ? null : StateType.named(typeName).orElse(null);
        if (type == null) {
            problems.add(new Problem(ptr + "/Type", "unknown or missing state Type: " + typeName));
            return;
        }
        String ql = s.path("QueryLanguage").asText(machineQl);
        unknown(s, ptr, type.allowedFields());
        if (type.needsNextOrEnd()) {
            boolean end = s.path("End").asBoolean(false);
            if (end == s.has("Next")) {
                problems.add(new Problem(ptr, end ? "has both Next and End" : "needs Next or \"End\": true"));
            }
        }
        if (s.has("Next") && !siblings.has(s.get("Next").asText())) {
            problems.add(new Problem(ptr + "/Next", "names no state: '" + s.get("Next").asText() + "'"));
        }
        fieldsForLanguage(s, ptr, ql, type);
        new ExpressionChecks(problems).expressions(s, ptr, ql);
        type.check(s, new Checks(ptr, ql, siblings));
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

    private void fieldsForLanguage(JsonNode s, String ptr, String ql, StateType type) {
        List<String> wrong = ql.equals("JSONata")
                ? List.of("InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath", "ItemsPath")
                : List.of("Arguments", "Output", "Items");
        for (String f : wrong) {
            // a Map's Parameters is the pre-2023 name of ItemSelector, which both languages have
            boolean mapParameters = f.equals("Parameters") && type == StateType.MAP;
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
            if (StatesErrorName.isReserved(n) && StatesErrorName.fromCode(n) == null && !raisedByFail.contains(n)) {
                problems.add(new Problem(ptr + "/ErrorEquals/" + i, "unknown States error name '" + n
                        + "' (neither a predefined error nor the Error of a Fail state in this definition)"));
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
        return StateChecks.escape(key);
    }

    /** What a state type's own rules report to: problems, nested machines, sibling states. */
    private final class Checks implements StateChecks {
        private final String pointer;
        private final String ql;
        private final JsonNode siblings;

        Checks(String pointer, String ql, JsonNode siblings) {
            this.pointer = pointer;
            this.ql = ql;
            this.siblings = siblings;
        }

        @Override
        public String pointer() {
            return pointer;
        }

        @Override
        public boolean jsonata() {
            return ql.equals("JSONata");
        }

        @Override
        public boolean hasState(String name) {
            return siblings.has(name);
        }

        @Override
        public void problem(String at, String message) {
            problems.add(new Problem(at, message));
        }

        @Override
        public void machine(JsonNode node, String at) {
            DefinitionValidator.this.machine(node, at, ql, false);
        }
    }
}
