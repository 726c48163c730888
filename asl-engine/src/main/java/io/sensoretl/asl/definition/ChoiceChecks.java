package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;

/** Choice states: Choices present, targets exist, each rule has an operator, a valid Variable and valid *Path operands. */
final class ChoiceChecks {
    private final StateChecks checks;

    private ChoiceChecks(StateChecks checks) {
        this.checks = checks;
    }

    static void check(JsonNode s, StateChecks checks) {
        new ChoiceChecks(checks).choice(s, checks.pointer());
    }

    private void choice(JsonNode s, String ptr) {
        JsonNode choices = s.get("Choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            checks.problem(ptr + "/Choices", "Choice needs a non-empty Choices array");
            return;
        }
        for (int i = 0; i < choices.size(); i++) {
            JsonNode c = choices.get(i);
            String next = c.path("Next").asText(null);
            if (next == null || !checks.hasState(next)) {
                checks.problem(ptr + "/Choices/" + i + "/Next", "names no state: '" + next + "'");
            }
            rule(c, ptr + "/Choices/" + i);
        }
        if (s.has("Default") && !checks.hasState(s.get("Default").asText())) {
            checks.problem(ptr + "/Default", "names no state: '" + s.get("Default").asText() + "'");
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
            String field = names.next();
            if (ChoiceOperators.isOperator(field)) {
                hasOp = true;
                if (ChoiceRule.Comparison.isPathOperator(field)) {
                    path(c.get(field), ptr + "/" + StateChecks.escape(field), field + " needs a path");
                }
            }
        }
        if (!hasOp) {
            checks.problem(ptr, "choice rule has no comparison operator");
        }
        path(c.path("Variable"), ptr + "/Variable", "a comparison needs a Variable path");
    }

    private void path(JsonNode value, String ptr, String missing) {
        if (!value.isTextual()) {
            checks.problem(ptr, missing);
            return;
        }
        try {
            ValueSource.Reference.parse(value.asText());
        } catch (IllegalArgumentException e) {
            checks.problem(ptr, e.getMessage());
        }
    }
}
