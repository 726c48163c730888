package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a validated definition document into the immutable record tree the interpreter walks. */
public final class DefinitionParser {
    private DefinitionParser() {}

    public static StateMachineDefinition parse(JsonNode root) {
        QueryLanguage ql = root.has("QueryLanguage") ? QueryLanguage.parse(root.get("QueryLanguage").asText())
                : QueryLanguage.JSONPATH;
        return parseMachine(root, ql);
    }

    static StateMachineDefinition parseMachine(JsonNode node, QueryLanguage inherited) {
        QueryLanguage ql = node.has("QueryLanguage") ? QueryLanguage.parse(node.get("QueryLanguage").asText()) : inherited;
        Map<String, State> states = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.path("States").properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            states.put(e.getKey(), parseState(e.getKey(), e.getValue(), ql));
        }
        Integer timeout = node.has("TimeoutSeconds") ? node.get("TimeoutSeconds").asInt() : null;
        return new StateMachineDefinition(node.path("StartAt").asText(), Collections.unmodifiableMap(states), ql, timeout);
    }

    private static State parseState(String name, JsonNode s, QueryLanguage machineQl) {
        String type = s.path("Type").asText();
        QueryLanguage ql = s.has("QueryLanguage") ? QueryLanguage.parse(s.get("QueryLanguage").asText()) : machineQl;
        Transition transition = s.path("End").asBoolean(false) ? Transition.END
                : new Transition(s.has("Next") ? s.get("Next").asText() : null, false);
        StateCommon common = new StateCommon(name, type, ql, transition, PathSpec.parse(s, "InputPath"),
                PathSpec.parse(s, "OutputPath"), s.get("Assign"), s.get("Output"));
        JsonNode params = ql == QueryLanguage.JSONATA ? s.get("Arguments") : s.get("Parameters");
        return switch (type) {
            case "Pass" -> new PassState(common, s.get("Result"), params, ResultPathSpec.parse(s, ql));
            case "Task" -> new TaskState(common, s.path("Resource").asText(), params, s.get("ResultSelector"),
                    ResultPathSpec.parse(s, ql), TaskSeconds.parse(s, "TimeoutSeconds", ql), TaskSeconds.parse(s, "HeartbeatSeconds", ql),
                    s.has("Credentials"), errorHandling(s, ql));
            case "Choice" -> new ChoiceState(common, choices(s.path("Choices")), text(s, "Default"));
            case "Wait" -> new WaitState(common, waitValue(s, "Seconds", ql), waitValue(s, "Timestamp", ql));
            case "Succeed" -> new SucceedState(common);
            case "Fail" -> new FailState(common, s.get("Error"), text(s, "ErrorPath"), s.get("Cause"), text(s, "CausePath"));
            case "Parallel" -> new ParallelState(common, branches(s.path("Branches"), machineQl), params,
                    s.get("ResultSelector"), ResultPathSpec.parse(s, ql), errorHandling(s, ql));
            case "Map" -> map(common, s, machineQl);
            default -> throw new IllegalArgumentException("state '" + name + "' has unknown Type '" + type + "'");
        };
    }

    private static MapState map(StateCommon common, JsonNode s, QueryLanguage machineQl) {
        JsonNode processorNode = s.has("ItemProcessor") ? s.get("ItemProcessor") : s.get("Iterator");
        boolean distributed = "DISTRIBUTED".equals(processorNode.path("ProcessorConfig").path("Mode").asText());
        JsonNode selector = s.has("ItemSelector") ? s.get("ItemSelector") : s.get("Parameters");
        QueryLanguage ql = common.queryLanguage();
        String itemsPath = text(s, "ItemsPath");
        return new MapState(common, parseMachine(processorNode, machineQl), distributed,
                itemsPath == null ? null : ValueSource.Reference.parse(itemsPath), s.get("Items"), selector,
                s.has("ItemReader") ? ItemReader.parse(s.get("ItemReader"), ql) : null,
                s.has("ItemBatcher") ? ItemBatcher.parse(s.get("ItemBatcher"), ql) : null,
                s.has("ResultWriter") ? ResultWriter.parse(s.get("ResultWriter"), ql) : null, MapLimits.parse(s),
                text(s, "Label"), s.get("ResultSelector"), ResultPathSpec.parse(s, ql), errorHandling(s, ql));
    }

    /** Seconds/Timestamp of a Wait: a JSONata template in JSONata states; else the value or its *Path twin. */
    private static ValueSource waitValue(JsonNode s, String field, QueryLanguage ql) {
        if (ql == QueryLanguage.JSONATA) {
            return s.has(field) ? new ValueSource.Jsonata(s.get(field)) : null;
        }
        if (s.has(field)) {
            return new ValueSource.Literal(s.get(field));
        }
        String path = text(s, field + "Path");
        return path == null ? null : ValueSource.Reference.parse(path);
    }

    private static List<StateMachineDefinition> branches(JsonNode node, QueryLanguage ql) {
        List<StateMachineDefinition> out = new ArrayList<>();
        node.forEach(b -> out.add(parseMachine(b, ql)));
        return List.copyOf(out);
    }

    private static List<ChoiceBranch> choices(JsonNode node) {
        List<ChoiceBranch> out = new ArrayList<>();
        for (JsonNode c : node) {
            out.add(new ChoiceBranch(rule(c), c.path("Next").asText(), c.get("Assign"), c.get("Output")));
        }
        return List.copyOf(out);
    }

    static ChoiceRule rule(JsonNode c) {
        if (c.has("Condition")) {
            return new ChoiceRule.Condition(c.get("Condition"));
        }
        if (c.has("And")) {
            List<ChoiceRule> rules = new ArrayList<>();
            c.get("And").forEach(r -> rules.add(rule(r)));
            return new ChoiceRule.And(List.copyOf(rules));
        }
        if (c.has("Or")) {
            List<ChoiceRule> rules = new ArrayList<>();
            c.get("Or").forEach(r -> rules.add(rule(r)));
            return new ChoiceRule.Or(List.copyOf(rules));
        }
        if (c.has("Not")) {
            return new ChoiceRule.Not(rule(c.get("Not")));
        }
        Iterator<String> names = c.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (ChoiceOperators.isOperator(f)) {
                return ChoiceRule.Comparison.parse(c.path("Variable").asText(), f, c.get(f));
            }
        }
        throw new IllegalArgumentException("choice rule has no comparison operator: " + c);
    }

    private static ErrorHandling errorHandling(JsonNode s, QueryLanguage ql) {
        List<Retrier> retry = new ArrayList<>();
        for (JsonNode r : s.path("Retry")) {
            retry.add(new Retrier(strings(r.path("ErrorEquals")), r.path("IntervalSeconds").asDouble(1),
                    r.path("MaxAttempts").asInt(3), r.path("BackoffRate").asDouble(2.0),
                    r.has("MaxDelaySeconds") ? r.get("MaxDelaySeconds").asLong() : null,
                    r.has("JitterStrategy") ? JitterStrategy.valueOf(r.get("JitterStrategy").asText()) : JitterStrategy.NONE));
        }
        List<Catcher> catchers = new ArrayList<>();
        for (JsonNode c : s.path("Catch")) {
            catchers.add(new Catcher(strings(c.path("ErrorEquals")), c.path("Next").asText(), ResultPathSpec.parse(c, ql),
                    c.get("Output"), c.get("Assign")));
        }
        return new ErrorHandling(List.copyOf(retry), List.copyOf(catchers));
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    private static String text(JsonNode s, String field) {
        return s.has(field) && !s.get(field).isNull() ? s.get(field).asText() : null;
    }
}
