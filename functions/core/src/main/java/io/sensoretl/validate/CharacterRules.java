package io.sensoretl.validate;

/**
 * Which characters a curated string may hold. Identifiers (sensor id, metric, unit) end up in DynamoDB
 * keys, dedupe keys, file and partition listings and Athena results, where an invisible character makes
 * two ids that look equal differ, and a bidi override makes a row display as something else. So:
 * <ul>
 *   <li>an <b>identifier</b> holds no control character (C0, DEL, C1: NUL, TAB, CR, LF...), no format
 *   character (Unicode category Cf: bidi embeddings, overrides, isolates and marks, zero-width space and
 *   joiners, soft hyphen, byte-order mark, tags...), no line or paragraph separator (U+2028, U+2029) and
 *   no unpaired surrogate (a JSON escape such as {@code \ud800} that is not a character);</li>
 *   <li>free <b>text</b> (attribute values) may hold TAB, CR and LF (a multi-line note) and format
 *   characters that real text needs (zero-width joiners in emoji and Indic scripts, RTL marks), but no
 *   other control character, no bidi embedding, override or isolate (U+202A-U+202E, U+2066-U+2069) and no
 *   unpaired surrogate.</li>
 * </ul>
 * Both have a {@code String} form and a form over UTF-8 bytes (for a byte-level scanner), which agree.
 */
public final class CharacterRules {
    private CharacterRules() {}

    /** Whether an identifier may hold the code point (a lone surrogate is passed as itself). */
    public static boolean allowedInIdentifier(int cp) {
        if (cp >= 0x20 && cp < 0x7F) {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE -> false;
            default -> true;
        };
    }

    /** Whether free text (an attribute value) may hold the code point. */
    public static boolean allowedInText(int cp) {
        if (cp >= 0x20 && cp < 0x7F) {
            return true;
        }
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return true;
        }
        if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
            return false;
        }
        int type = Character.getType(cp);
        return type != Character.CONTROL && type != Character.SURROGATE;
    }

    /** Index (in chars) of the first code point of {@code s} an identifier may not hold, or -1. */
    public static int firstNotAllowedInIdentifier(CharSequence s) {
        return firstNotAllowed(s, true);
    }

    /** Index (in chars) of the first code point of {@code s} free text may not hold, or -1. */
    public static int firstNotAllowedInText(CharSequence s) {
        return firstNotAllowed(s, false);
    }

    private static int firstNotAllowed(CharSequence s, boolean identifier) {
        int n = s.length();
        for (int i = 0; i < n; ) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                i++;
                continue;
            }
            int cp = c;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                cp = Character.toCodePoint(c, s.charAt(i + 1));
            }
            if (!(identifier ? allowedInIdentifier(cp) : allowedInText(cp))) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    /**
     * Index of the first byte of a code point an identifier may not hold in well-formed UTF-8
     * {@code b[from, to)} (check it with {@code Utf8Validator} first), or -1.
     */
    public static int firstNotAllowedInIdentifier(byte[] b, int from, int to) {
        return firstNotAllowed(b, from, to, true);
    }

    /** As {@link #firstNotAllowedInIdentifier(byte[], int, int)}, for free text. */
    public static int firstNotAllowedInText(byte[] b, int from, int to) {
        return firstNotAllowed(b, from, to, false);
    }

    private static int firstNotAllowed(byte[] b, int from, int to, boolean identifier) {
        for (int i = from; i < to; ) {
            int v = b[i];
            if (v >= 0x20 && v < 0x7F) {
                i++;
                continue;
            }
            int cp;
            int len;
            int lead = v & 0xFF;
            if (lead < 0x80) {
                cp = lead;
                len = 1;
            } else if (lead < 0xE0) {
                cp = (lead & 0x1F) << 6 | (b[i + 1] & 0x3F);
                len = 2;
            } else if (lead < 0xF0) {
                cp = (lead & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | (b[i + 2] & 0x3F);
                len = 3;
            } else {
                cp = (lead & 0x07) << 18 | (b[i + 1] & 0x3F) << 12 | (b[i + 2] & 0x3F) << 6 | (b[i + 3] & 0x3F);
                len = 4;
            }
            if (!(identifier ? allowedInIdentifier(cp) : allowedInText(cp))) {
                return i;
            }
            i += len;
        }
        return -1;
    }

    /** The code point at {@code index} of {@code s} for messages, e.g. {@code U+202E (RIGHT-TO-LEFT OVERRIDE)}. */
    public static String describe(CharSequence s, int index) {
        int cp = Character.codePointAt(s, index);
        String name = Character.getName(cp);
        return String.format("U+%04X", cp) + (name == null ? "" : " (" + name + ")");
    }
}
