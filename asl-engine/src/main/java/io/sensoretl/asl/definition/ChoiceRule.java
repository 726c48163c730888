package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A Choice condition: a data-test comparison, a boolean combination, or a JSONata Condition. */
public sealed interface ChoiceRule {

    /** A Choices element or a nested rule: Condition, And, Or, Not, else a comparison of Variable. */
    static ChoiceRule parse(JsonNode c) {
        if (c.has("Condition")) {
            return new Condition(c.get("Condition"));
        }
        if (c.has("And")) {
            List<ChoiceRule> rules = new ArrayList<>();
            c.get("And").forEach(r -> rules.add(parse(r)));
            return new And(List.copyOf(rules));
        }
        if (c.has("Or")) {
            List<ChoiceRule> rules = new ArrayList<>();
            c.get("Or").forEach(r -> rules.add(parse(r)));
            return new Or(List.copyOf(rules));
        }
        if (c.has("Not")) {
            return new Not(parse(c.get("Not")));
        }
        Iterator<String> names = c.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (ChoiceOperators.isOperator(f)) {
                return Comparison.parse(c.path("Variable").asText(), f, c.get(f));
            }
        }
        throw new IllegalArgumentException("choice rule has no comparison operator: " + c);
    }

    /**
     * Variable compared by operator with value; for the *Path operators (NumericEqualsPath, ...) the value is a
     * path, parsed here as valuePath (null for the others).
     */
    record Comparison(ValueSource.Reference variable, String operator, JsonNode value, ValueSource.Reference valuePath)
            implements ChoiceRule {

        static Comparison parse(String variable, String operator, JsonNode value) {
            return new Comparison(ValueSource.Reference.parse(variable), operator, value,
                    isPathOperator(operator) ? ValueSource.Reference.parse(value.asText()) : null);
        }

        public static boolean isPathOperator(String operator) {
            return operator.endsWith("Path") && !operator.equals("IsPresent");
        }
    }

    record And(List<ChoiceRule> rules) implements ChoiceRule {}

    record Or(List<ChoiceRule> rules) implements ChoiceRule {}

    record Not(ChoiceRule rule) implements ChoiceRule {}

    record Condition(JsonNode condition) implements ChoiceRule {}
}
