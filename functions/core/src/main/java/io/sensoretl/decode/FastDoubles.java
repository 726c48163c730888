package io.sensoretl.decode;

import com.fasterxml.jackson.core.io.NumberInput;
import java.nio.charset.StandardCharsets;

/**
 * Decimal text to double without a String, bit-identical to the parsers the reference uses. When the
 * decimal significand has at most 15 digits and the power of ten is within 10^±22, both the significand
 * and the power are exact doubles, so one multiplication or division is correctly rounded (Clinger's
 * fast path) and equals what any correct parser returns. Other numbers go to the reference's own
 * parser: Jackson's {@link NumberInput#parseDouble} for JSON, {@link Double#parseDouble} for delimited
 * text.
 */
final class FastDoubles {
    private static final double[] POWERS = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22};

    private FastDoubles() {}

    /** Digit accumulator of one number: significand, digits in it, decimal exponent. */
    static double exact(long significand, boolean negative, int exponent10) {
        double d = significand;
        d = exponent10 >= 0 ? d * POWERS[exponent10] : d / POWERS[-exponent10];
        return negative ? -d : d;
    }

    static boolean fits(int significantDigits, int exponent10) {
        return significantDigits <= 15 && exponent10 >= -22 && exponent10 <= 22;
    }

    /** A JSON float token as Jackson reads it (the reference's parser for JSON). */
    static double jackson(byte[] b, int from, int to) {
        return NumberInput.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1), true);
    }

    /** Delimited text as the reference reads it: {@code Double.parseDouble} after the decimal comma became a dot. */
    static double java(byte[] b, int from, int to, char decimalSeparator) {
        String s = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        return Double.parseDouble(decimalSeparator == ',' ? s.replace(',', '.') : s);
    }
}
