package io.sensoretl.decode;

import io.sensoretl.contract.Format;

/**
 * Reads the columns a contract needs straight from a delimited record's bytes: fields split at the
 * delimiter, trimmed, numbers parsed with the dump's decimal separator exactly as the reference does.
 * It accepts only records of printable ASCII (the delimiter may be a tab) without the quote character,
 * with a number of fields the reference accepts ({@link DelimitedLineDecoder#fieldCountOk}); anything
 * else (control characters such as a bare CR, non-ASCII bytes, quoting, a row with too many or too few
 * fields), and any number outside the plain decimal grammar, makes {@link #scan} return false so the
 * record goes to the reference decoder, which gives its reason and words.
 */
public final class DelimitedByteScanner extends ScannedFields {
    private final byte delimiter;
    private final byte quote;
    private final char decimalSeparator;
    private final int[] columnOfSlot;
    private final int maxColumn;
    private final java.util.function.IntPredicate fieldCountOk;
    private int[] fieldStart;
    private int[] fieldEnd;

    /** A scanner that accepts rows of any number of fields. */
    public DelimitedByteScanner(Format format, int[] columnOfSlot) {
        this(format, columnOfSlot, fields -> true);
    }

    /**
     * @param columnOfSlot the 0-based column each slot reads
     * @param fieldCountOk whether a row of that many fields passes the reference's field-count check
     */
    public DelimitedByteScanner(Format format, int[] columnOfSlot, java.util.function.IntPredicate fieldCountOk) {
        this.fieldCountOk = fieldCountOk;
        if (format.delimiter() > 0x7F || format.quote() > 0x7F) {
            throw new IllegalArgumentException("the fast path reads ASCII delimiters and quotes only");
        }
        this.delimiter = (byte) format.delimiter();
        this.quote = (byte) format.quote();
        this.decimalSeparator = format.decimalSeparator();
        this.columnOfSlot = columnOfSlot.clone();
        int max = 0;
        for (int c : columnOfSlot) {
            max = Math.max(max, c);
        }
        this.maxColumn = max;
        this.fieldStart = new int[max + 2];
        this.fieldEnd = new int[max + 2];
        slots(columnOfSlot.length);
    }

    @Override
    public boolean scan(byte[] record, int length) {
        bytes = record;
        byte[] b = record;
        int fields = 0;
        fieldStart[0] = 0;
        for (int i = 0; i < length; i++) {
            byte c = b[i];
            if (c == delimiter) {
                if (fields <= maxColumn) {
                    fieldEnd[fields] = i;
                    fieldStart[fields + 1] = i + 1;
                }
                fields++;
            } else if (c < 0x20 || c == 0x7F || c == quote) {
                return false; // control characters, non-ASCII (negative bytes) and quoting: the reference's job
            }
        }
        if (fields <= maxColumn) {
            fieldEnd[fields] = length;
        }
        fields++;
        if (!fieldCountOk.test(fields)) {
            return false; // malformed_row, named by its line: the reference's job
        }
        for (int slot = 0; slot < columnOfSlot.length; slot++) {
            int col = columnOfSlot[slot];
            kind[slot] = ABSENT;
            if (col >= fields) {
                continue;
            }
            int s = fieldStart[col];
            int e = fieldEnd[col];
            while (s < e && b[s] == ' ') {
                s++;
            }
            while (e > s && b[e - 1] == ' ') {
                e--;
            }
            if (s == e) {
                continue;
            }
            start[slot] = s;
            end[slot] = e;
            if (numeric[slot]) {
                if (!number(slot, s, e)) {
                    return false;
                }
                kind[slot] = NUMBER;
            } else {
                kind[slot] = TEXT;
            }
        }
        return true;
    }

    /** {@code [+-]digits[.digits][e[+-]digits]} (a decimal comma where the dump uses one), as Double.parseDouble reads it. */
    private boolean number(int slot, int s, int e) {
        byte[] b = bytes;
        int i = s;
        boolean negative = false;
        if (b[i] == '+' || b[i] == '-') {
            negative = b[i] == '-';
            i++;
        }
        long significand = 0;
        int digits = 0;
        int mantissaDigits = 0;
        int fractionDigits = 0;
        while (i < e && b[i] >= '0' && b[i] <= '9') {
            if (digits > 0 || b[i] != '0') {
                if (digits < 19) {
                    significand = significand * 10 + (b[i] - '0');
                }
                digits++;
            }
            mantissaDigits++;
            i++;
        }
        if (i < e && (b[i] == '.' || (b[i] == ',' && decimalSeparator == ','))) {
            i++;
            while (i < e && b[i] >= '0' && b[i] <= '9') {
                if (digits > 0 || b[i] != '0') {
                    if (digits < 19) {
                        significand = significand * 10 + (b[i] - '0');
                    }
                    digits++;
                }
                fractionDigits++;
                mantissaDigits++;
                i++;
            }
        }
        if (mantissaDigits == 0) {
            return false;
        }
        int exponent = 0;
        if (i < e && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < e && (b[i] == '+' || b[i] == '-')) {
                negativeExponent = b[i] == '-';
                i++;
            }
            int first = i;
            while (i < e && b[i] >= '0' && b[i] <= '9') {
                if (exponent < 100_000) {
                    exponent = exponent * 10 + (b[i] - '0');
                }
                i++;
            }
            if (i == first) {
                return false;
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        if (i != e) {
            return false;
        }
        int exponent10 = exponent - fractionDigits;
        double v;
        if (digits == 0) {
            v = negative ? -0.0 : 0.0;
        } else if (FastDoubles.fits(digits, exponent10)) {
            v = FastDoubles.exact(significand, negative, exponent10);
        } else {
            v = FastDoubles.java(b, s, e, decimalSeparator);
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        number[slot] = v;
        return true;
    }
}
