package io.sensoretl.validate;

import io.sensoretl.contract.FieldRef;
import io.sensoretl.decode.FieldError;
import io.sensoretl.reading.RejectReason;

/** A latitude within [-90, 90] or a longitude within [-180, 180]; an absent coordinate is allowed. */
public final class CoordinateRule {
    private final FieldRef ref;
    private final double limit;

    private CoordinateRule(FieldRef ref, double limit) {
        this.ref = ref;
        this.limit = limit;
    }

    public static CoordinateRule latitude(FieldRef ref) {
        return new CoordinateRule(ref, 90);
    }

    public static CoordinateRule longitude(FieldRef ref) {
        return new CoordinateRule(ref, 180);
    }

    public boolean valid(double v) {
        return !(v < -limit || v > limit);
    }

    /** The invalid_coordinate error for a value that is not {@link #valid}. */
    public FieldError error(double v) {
        return new FieldError(RejectReason.INVALID_COORDINATE, ref.describe() + ": " + v + " is outside [-" + (int) limit
                + ", " + (int) limit + "]");
    }

    public void check(Double v) throws FieldError {
        if (v != null && !valid(v)) {
            throw error(v);
        }
    }
}
