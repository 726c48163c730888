package io.sensoretl.asl.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.definition.ChoiceOperators;
import io.sensoretl.asl.definition.ChoiceRule;
import io.sensoretl.asl.path.JsonPath;
import java.util.Iterator;
import java.util.List;

/** Choice states: Choices present, targets exist, each rule has an operator and a valid Variable. */
final class ChoiceChecks {
    private final List<Problem> problems;

    ChoiceChecks(List<Problem> problems) {
        this.problems = problems;
    }

    void choice(JsonNode s, String ptr, JsonNode siblings) {
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
            String field = names.next();
            if (ChoiceOperators.isOperator(field)) {
                hasOp = true;
                if (ChoiceRule.Comparison.isPathOperator(field)) {
                    path(c.get(field), ptr + "/" + DefinitionValidator.escape(field), field + " needs a path");
                }
            }
        }
        if (!hasOp) {
            problems.add(new Problem(ptr, "choice rule has no comparison operator"));
        }
        path(c.path("Variable"), ptr + "/Variable", "a comparison needs a Variable path");
    }

    private void path(JsonNode value, String ptr, String missing) {
        if (!value.isTextual()) {
            problems.add(new Problem(ptr, missing));
            return;
        }
        try {
            JsonPath.parse(value.asText());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(ptr, e.getMessage()));
        }
    }

}
