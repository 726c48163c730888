package io.sensoretl.decode;

import io.sensoretl.contract.FieldRef;

/** Typed access to the fields of one decoded source record, whatever its format. */
public interface RecordView {

    /** The field as text, or {@code null} when it is absent, null or empty. */
    String string(FieldRef ref) throws FieldError;

    /**
     * The field as a number, or {@code null} when it is absent, null or empty. Numeric strings are
     * accepted (many dumps quote numbers); anything else is a {@code wrong_type} error, and NaN or
     * Infinity a {@code not_finite} one.
     */
    Double number(FieldRef ref) throws FieldError;
}
