package io.sensoretl.decode;

import io.sensoretl.reading.RejectReason;

/**
 * A field of a record is unusable. Thrown on the per-record hot path, so it carries no stack trace:
 * it is control flow towards a reject, not a bug report.
 */
public final class FieldError extends Exception {
    private final RejectReason reason;

    public FieldError(RejectReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
