package io.sensoretl.decode;

import io.sensoretl.reading.RejectReason;

/** Parses numbers written as text, with the dump's decimal separator. */
public final class Numbers {
    private Numbers() {}

    public static double parse(String text, char decimalSeparator, String field) throws FieldError {
        String t = text.trim();
        if (decimalSeparator == ',') {
            t = t.replace(',', '.');
        }
        if (t.isEmpty() || !looksNumeric(t)) {
            if (t.equalsIgnoreCase("nan") || t.toLowerCase(java.util.Locale.ROOT).contains("inf")) {
                throw new FieldError(RejectReason.NOT_FINITE, field + ": expected a finite number, found \"" + text + "\"");
            }
            throw new FieldError(RejectReason.WRONG_TYPE, field + ": expected a number, found \"" + abbreviate(text) + "\"");
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new FieldError(RejectReason.WRONG_TYPE, field + ": expected a number, found \"" + abbreviate(text) + "\"");
        }
    }

    /** Rejects what Double.parseDouble would accept but a dump never means as a number ("1d", "0x1p3"). */
    private static boolean looksNumeric(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return false;
            }
        }
        return true;
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
