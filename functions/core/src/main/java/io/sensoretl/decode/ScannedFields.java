package io.sensoretl.decode;

/**
 * What a byte scanner found for the fields a contract reads, by slot: absent (or null, or empty), text
 * (a byte range of the record, for delimited text trimmed), or a number already parsed exactly as the
 * reference would. Filled again for every record; nothing is allocated per record.
 */
public abstract class ScannedFields {
    public static final byte ABSENT = 0;
    public static final byte TEXT = 1;
    public static final byte NUMBER = 2;
    /** JSON text where a number is wanted: the reference parses it as a number or rejects it. */
    public static final byte QUOTED = 3;
    /** A NaN or infinity token where a number is wanted (the range is the token). */
    public static final byte NOT_FINITE = 4;
    /** {@code true} or {@code false} where a number is wanted. */
    public static final byte BOOLEAN = 5;

    protected byte[] kind;
    protected int[] start;
    protected int[] end;
    protected double[] number;
    protected boolean[] numeric;
    protected byte[] bytes;

    protected void slots(int n) {
        kind = new byte[n];
        start = new int[n];
        end = new int[n];
        number = new double[n];
        numeric = new boolean[n];
    }

    /** Whether the slot is read as a number (else as text): decides what counts as usable for the fast path. */
    public void numeric(int slot, boolean isNumeric) {
        numeric[slot] = isNumeric;
    }

    /**
     * Scans one record. False when the record is anything the scanner cannot decide with certainty
     * (syntax it does not handle, escapes, bytes outside printable ASCII, a value of another type than
     * the slot wants, ...): the caller then hands the record to the reference decoder.
     */
    public abstract boolean scan(byte[] record, int length);

    public final byte kind(int slot) {
        return kind[slot];
    }

    public final int start(int slot) {
        return start[slot];
    }

    public final int end(int slot) {
        return end[slot];
    }

    public final double number(int slot) {
        return number[slot];
    }

    /** The record's bytes (valid after a successful {@link #scan}). */
    public final byte[] bytes() {
        return bytes;
    }
}
