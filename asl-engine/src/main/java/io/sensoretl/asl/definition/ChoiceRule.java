package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A Choice condition: a data-test comparison, a boolean combination, or a JSONata Condition. */
public sealed interface ChoiceRule {

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
