package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.definition.ChoiceOperators;
import io.sensoretl.asl.definition.ChoiceRule;
import io.sensoretl.asl.definition.ValueSource;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.json.JsonEquivalence;
import io.sensoretl.asl.jsonata.JsonataBindings;
import io.sensoretl.asl.path.PathNotFoundException;
import io.sensoretl.asl.runtime.StateEnv;
import io.sensoretl.asl.runtime.Timestamps;
import java.time.Instant;

/** Evaluates Choice rules: data-test comparisons (type mismatches are simply false) and JSONata Conditions. */
final class ChoiceRuleEvaluator {
    private ChoiceRuleEvaluator() {}

    static boolean matches(ChoiceRule rule, JsonNode input, StateEnv env, JsonataBindings bindings) {
        if (rule instanceof ChoiceRule.And and) {
            return and.rules().stream().allMatch(r -> matches(r, input, env, bindings));
        }
        if (rule instanceof ChoiceRule.Or or) {
            return or.rules().stream().anyMatch(r -> matches(r, input, env, bindings));
        }
        if (rule instanceof ChoiceRule.Not not) {
            return !matches(not.rule(), input, env, bindings);
        }
        if (rule instanceof ChoiceRule.Condition c) {
            return JsonataFlow.typed(c.condition(), "Condition", "boolean", bindings, env).booleanValue();
        }
        return compare((ChoiceRule.Comparison) rule, input, env);
    }

    private static boolean compare(ChoiceRule.Comparison c, JsonNode input, StateEnv env) {
        String op = c.operator();
        if (ChoiceOperators.isTypeTest(op)) {
            JsonNode variable = env.resolveOrNull(c.variable().path(), input);
            return typeTest(op, variable) == c.value().asBoolean();
        }
        JsonNode variable = required(c.variable(), input, env);
        if (c.valuePath() != null) {
            return binary(op.substring(0, op.length() - 4), variable, required(c.valuePath(), input, env));
        }
        return binary(op, variable, c.value());
    }

    /** Outside IsPresent, comparing a value that is not there is a runtime error, not a mismatch. */
    private static JsonNode required(ValueSource.Reference path, JsonNode input, StateEnv env) {
        try {
            return env.resolve(path.path(), input);
        } catch (PathNotFoundException e) {
            throw env.runtimeError(StatesErrorName.RUNTIME, "Invalid path '" + path.text() + "' : " + e.getMessage());
        }
    }

    private static boolean typeTest(String op, JsonNode v) {
        return switch (op) {
            case "IsPresent" -> v != null;
            case "IsNull" -> v != null && v.isNull();
            case "IsNumeric" -> v != null && v.isNumber();
            case "IsString" -> v != null && v.isTextual();
            case "IsBoolean" -> v != null && v.isBoolean();
            case "IsTimestamp" -> v != null && v.isTextual() && Timestamps.parse(v.textValue()) != null;
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static boolean binary(String op, JsonNode a, JsonNode b) {
        if (op.startsWith("String")) {
            if (!a.isTextual() || !b.isTextual()) {
                return false;
            }
            if (op.equals("StringMatches")) {
                return StringMatcher.matches(a.textValue(), b.textValue());
            }
            return ordered(op.substring(6), a.textValue().compareTo(b.textValue()));
        }
        if (op.startsWith("Numeric")) {
            if (!a.isNumber() || !b.isNumber()) {
                return false;
            }
            return ordered(op.substring(7), a.decimalValue().compareTo(b.decimalValue()));
        }
        if (op.equals("BooleanEquals")) {
            return a.isBoolean() && b.isBoolean() && a.booleanValue() == b.booleanValue();
        }
        if (op.startsWith("Timestamp")) {
            if (!a.isTextual() || !b.isTextual()) {
                return false;
            }
            Instant x = Timestamps.parse(a.textValue());
            Instant y = Timestamps.parse(b.textValue());
            if (x == null || y == null) {
                return false;
            }
            return ordered(op.substring(9), x.compareTo(y));
        }
        return JsonEquivalence.equivalent(a, b);
    }

    private static boolean ordered(String relation, int cmp) {
        return switch (relation) {
            case "Equals" -> cmp == 0;
            case "LessThan" -> cmp < 0;
            case "GreaterThan" -> cmp > 0;
            case "LessThanEquals" -> cmp <= 0;
            case "GreaterThanEquals" -> cmp >= 0;
            default -> throw new IllegalArgumentException(relation);
        };
    }
}
