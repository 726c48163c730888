package io.sensoretl.validate;

import io.sensoretl.contract.MetricRule;
import io.sensoretl.contract.UnitConversion;
import io.sensoretl.decode.FieldError;
import io.sensoretl.reading.RejectReason;

/**
 * What the contract makes of one (metric, unit) pair: an unknown_metric or unknown_unit error, or the
 * unit to store, the conversion into it and the valid range. Immutable; the columnar path resolves each
 * distinct pair once.
 *
 * @param error      the reject for every reading of this pair, or {@code null}
 * @param unit       the unit stored with the reading (canonical when the metric has one, else as given)
 * @param conversion applied to the value, or {@code null} when it is stored as read
 */
public record MetricUnit(String metric, FieldError error, String unit, UnitConversion conversion, MetricRule rule) {

    /** The value in the stored unit. Without a conversion the value is kept bit for bit (also -0.0). */
    public double normalise(double raw) {
        return conversion == null ? raw : conversion.apply(raw);
    }

    public boolean inRange(double value) {
        return rule == null || !((rule.min() != null && value < rule.min()) || (rule.max() != null && value > rule.max()));
    }

    /** The out_of_range error for a (normalised) value that is not {@link #inRange}. */
    public FieldError rangeError(double value) {
        return new FieldError(RejectReason.OUT_OF_RANGE, metric + " " + value + " " + (unit == null ? "" : unit)
                + " is outside [" + bound(rule.min()) + ", " + bound(rule.max()) + "]");
    }

    private static String bound(Double d) {
        return d == null ? "-" : String.valueOf(d);
    }
}
