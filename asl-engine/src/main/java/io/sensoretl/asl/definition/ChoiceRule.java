package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A Choice condition: a data-test comparison, a boolean combination, or a JSONata Condition. */
public sealed interface ChoiceRule {

    record Comparison(String variable, String operator, JsonNode value) implements ChoiceRule {
        public boolean isPathOperator() {
            return operator.endsWith("Path") && !operator.equals("IsPresent");
        }
    }

    record And(List<ChoiceRule> rules) implements ChoiceRule {}

    record Or(List<ChoiceRule> rules) implements ChoiceRule {}

    record Not(ChoiceRule rule) implements ChoiceRule {}

    record Condition(JsonNode condition) implements ChoiceRule {}
}
