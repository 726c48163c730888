package io.sensoretl.validate;

import io.sensoretl.contract.Contract;
import io.sensoretl.contract.FieldRef;
import io.sensoretl.contract.MetricRule;
import io.sensoretl.contract.UnitConversion;
import io.sensoretl.decode.FieldError;
import io.sensoretl.reading.RejectReason;
import java.util.Map;
import java.util.TreeSet;

/**
 * The contract's rules for one candidate reading, in the order they apply: metric and value present,
 * value not a missing-value sentinel, metric known, unit convertible, value in range. Shared by the
 * reference {@link ReadingMapper} and the columnar fast path, so both reject with the same reason and
 * the same words.
 */
public final class CandidateRules {
    private final Contract contract;
    private final long[] sentinelBits;

    public CandidateRules(Contract contract) {
        this.contract = contract;
        this.sentinelBits = contract.missingValues().stream().mapToLong(Double::doubleToLongBits).toArray();
    }

    public FieldError metricMissing(FieldRef ref) {
        return new FieldError(RejectReason.MISSING_FIELD, ref.describe() + ": metric is missing");
    }

    public FieldError valueMissing(FieldRef valueRef, String metric) {
        return new FieldError(RejectReason.MISSING_FIELD, valueRef.describe() + ": value of " + metric + " is missing");
    }

    /** Whether the value is one of the contract's missing-value sentinels (compared as {@code Double.equals} does). */
    public boolean isSentinel(double raw) {
        long bits = Double.doubleToLongBits(raw);
        for (long s : sentinelBits) {
            if (s == bits) {
                return true;
            }
        }
        return false;
    }

    public FieldError sentinel(FieldRef valueRef, String metric, double raw) {
        return new FieldError(RejectReason.MISSING_VALUE, valueRef.describe() + ": " + raw
                + " is the missing-value sentinel for " + metric);
    }

    /** Resolves a (trimmed) metric and unit ({@code null} when the reading has none). Never {@code null}. */
    public MetricUnit resolve(String metric, String unit) {
        MetricRule rule = contract.metrics().get(metric);
        if (rule == null && contract.rejectUnknownMetrics()) {
            return new MetricUnit(metric, new FieldError(RejectReason.UNKNOWN_METRIC, "metric \"" + abbreviate(metric)
                    + "\" is not one of " + new TreeSet<>(contract.metrics().keySet())), null, null, null);
        }
        UnitConversion conversion = null;
        if (rule != null && rule.unit() != null) {
            if (unit != null && !unit.equals(rule.unit())) {
                conversion = contract.conversions().getOrDefault(unit, Map.of()).get(rule.unit());
                if (conversion == null) {
                    return new MetricUnit(metric, new FieldError(RejectReason.UNKNOWN_UNIT, "unit \"" + abbreviate(unit)
                            + "\" of " + metric + " has no conversion to its canonical unit \"" + rule.unit() + "\""),
                            null, null, null);
                }
            }
            unit = rule.unit();
        }
        return new MetricUnit(metric, null, unit, conversion, rule);
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
