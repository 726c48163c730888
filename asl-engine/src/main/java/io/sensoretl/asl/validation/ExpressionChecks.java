package io.sensoretl.asl.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.intrinsics.IntrinsicExpression;
import io.sensoretl.asl.intrinsics.IntrinsicParser;
import io.sensoretl.asl.jsonata.JsonataEvaluator;
import io.sensoretl.asl.jsonata.JsonataExpression;
import io.sensoretl.asl.path.JsonPath;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Syntax of what a state evaluates: JSONata in JSONata states, paths and intrinsics in JSONPath states. */
final class ExpressionChecks {
    private static final Set<String> PATH_FIELDS = Set.of("InputPath", "OutputPath", "ResultPath", "ItemsPath",
            "SecondsPath", "TimestampPath", "TimeoutSecondsPath", "HeartbeatSecondsPath", "MaxConcurrencyPath",
            "ToleratedFailureCountPath", "ToleratedFailurePercentagePath");
    private final List<Problem> problems;

    ExpressionChecks(List<Problem> problems) {
        this.problems = problems;
    }

    void expressions(JsonNode node, String ptr, String ql) {
        Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            String p = ptr + "/" + DefinitionValidator.escape(key);
            if (Set.of("States", "Branches", "ItemProcessor", "Iterator", "Choices").contains(key)) {
                continue;
            }
            if (ql.equals("JSONPath") && key.endsWith(".$") && !v.isTextual()) {
                problems.add(new Problem(p, "the value of a field ending in '.$' must be a path or intrinsic function string"));
            } else if (v.isTextual()) {
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

}
