package io.sensoretl.asl.definition;

import java.util.Set;

/** The data-test operators of a Choice rule. */
public final class ChoiceOperators {
    private static final Set<String> BASE = Set.of(
            "StringEquals", "StringLessThan", "StringGreaterThan", "StringLessThanEquals", "StringGreaterThanEquals",
            "StringMatches", "NumericEquals", "NumericLessThan", "NumericGreaterThan", "NumericLessThanEquals",
            "NumericGreaterThanEquals", "BooleanEquals", "TimestampEquals", "TimestampLessThan",
            "TimestampGreaterThan", "TimestampLessThanEquals", "TimestampGreaterThanEquals");
    private static final Set<String> TYPE_TESTS = Set.of("IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean",
            "IsTimestamp");

    private ChoiceOperators() {}

    public static boolean isOperator(String field) {
        if (TYPE_TESTS.contains(field) || BASE.contains(field)) {
            return true;
        }
        return field.endsWith("Path") && BASE.contains(field.substring(0, field.length() - 4))
                && !field.equals("StringMatchesPath");
    }

    public static boolean isTypeTest(String op) {
        return TYPE_TESTS.contains(op);
    }
}
