package io.sensoretl.validate;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A date-time pattern made only of fixed-width numeric fields ({@code yyyy uuuu MM dd HH mm ss S..S}) and
 * literals, read straight from bytes. For text that matches exactly and holds a valid date and time,
 * {@code DateTimeFormatter.ofPattern(pattern)} gives the same local date-time, so this answers for it
 * without a formatter, a String or a parsed-fields map; anything else returns {@link Iso8601#UNPARSED}
 * and the caller asks java.time. {@link #compile} returns null for patterns outside this subset.
 */
public final class FixedWidthPattern {
    private static final int YEAR = 0;
    private static final int MONTH = 1;
    private static final int DAY = 2;
    private static final int HOUR = 3;
    private static final int MINUTE = 4;
    private static final int SECOND = 5;
    private static final int FRACTION = 6;
    private static final int LITERAL = 7;

    private final int[] type;
    private final int[] width;
    private final byte[] literal;
    private final int length;

    private FixedWidthPattern(int[] type, int[] width, byte[] literal) {
        this.type = type;
        this.width = width;
        this.literal = literal;
        int n = 0;
        for (int w : width) {
            n += w;
        }
        this.length = n;
    }

    /** The pattern as fixed-width fields, or null when it uses anything else. */
    public static FixedWidthPattern compile(String pattern) {
        List<int[]> elements = new ArrayList<>(); // {type, width, literal}
        int[] seen = new int[7];
        for (int i = 0; i < pattern.length(); ) {
            char c = pattern.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                int n = 1;
                while (i + n < pattern.length() && pattern.charAt(i + n) == c) {
                    n++;
                }
                int t = switch (c) {
                    case 'y', 'u' -> n == 4 ? YEAR : -1;
                    case 'M' -> n == 2 ? MONTH : -1;
                    case 'd' -> n == 2 ? DAY : -1;
                    case 'H' -> n == 2 ? HOUR : -1;
                    case 'm' -> n == 2 ? MINUTE : -1;
                    case 's' -> n == 2 ? SECOND : -1;
                    case 'S' -> n <= 9 ? FRACTION : -1;
                    default -> -1;
                };
                if (t < 0 || seen[t]++ > 0) {
                    return null;
                }
                elements.add(new int[] {t, n, 0});
                i += n;
            } else if (c == '\'') {
                int close = pattern.indexOf('\'', i + 1);
                if (close <= i + 1) {
                    return null; // '' (a quote) or unterminated
                }
                for (int k = i + 1; k < close; k++) {
                    if (!literal(pattern.charAt(k), elements)) {
                        return null;
                    }
                }
                i = close + 1;
            } else if ("[]{}#".indexOf(c) >= 0 || !literal(c, elements)) {
                return null;
            } else {
                i++;
            }
        }
        if (seen[YEAR] == 0 || seen[MONTH] == 0 || seen[DAY] == 0 || seen[HOUR] == 0 || seen[MINUTE] == 0
                || (seen[FRACTION] > 0 && seen[SECOND] == 0)) {
            return null;
        }
        int[] type = new int[elements.size()];
        int[] width = new int[elements.size()];
        byte[] lit = new byte[elements.size()];
        for (int i = 0; i < type.length; i++) {
            type[i] = elements.get(i)[0];
            width[i] = elements.get(i)[1];
            lit[i] = (byte) elements.get(i)[2];
        }
        return new FixedWidthPattern(type, width, lit);
    }

    /** A literal the byte parser can match without doubt: printable ASCII, not a digit or a sign a number field might take. */
    private static boolean literal(char c, List<int[]> elements) {
        if (c < 0x20 || c > 0x7E || (c >= '0' && c <= '9') || c == '+' || c == '-' && elements.isEmpty()) {
            return false;
        }
        elements.add(new int[] {LITERAL, 1, c});
        return true;
    }

    /** Microseconds since the epoch of {@code b[from, to)} read in {@code zone}, or {@link Iso8601#UNPARSED}. */
    public long parseMicros(byte[] b, int from, int to, ZoneId zone) {
        if (to - from != length) {
            return Iso8601.UNPARSED;
        }
        int year = 0;
        int month = 0;
        int day = 0;
        int hour = 0;
        int minute = 0;
        int second = 0;
        int nanos = 0;
        int at = from;
        for (int e = 0; e < type.length; e++) {
            int w = width[e];
            if (type[e] == LITERAL) {
                if (b[at] != literal[e]) {
                    return Iso8601.UNPARSED;
                }
                at++;
                continue;
            }
            int v = 0;
            for (int k = 0; k < w; k++) {
                int d = b[at + k] - '0';
                if (d < 0 || d > 9) {
                    return Iso8601.UNPARSED;
                }
                v = v * 10 + d;
            }
            at += w;
            switch (type[e]) {
                case YEAR -> year = v;
                case MONTH -> month = v;
                case DAY -> day = v;
                case HOUR -> hour = v;
                case MINUTE -> minute = v;
                case SECOND -> second = v;
                default -> {
                    for (int k = w; k < 9; k++) {
                        v *= 10;
                    }
                    nanos = v;
                }
            }
        }
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > Iso8601.daysInMonth(year, month) || hour > 23
                || minute > 59 || second > 59) {
            return Iso8601.UNPARSED;
        }
        long offset;
        if (zone instanceof ZoneOffset fixed) {
            offset = fixed.getTotalSeconds();
        } else {
            offset = zone.getRules().getOffset(LocalDateTime.of(year, month, day, hour, minute, second, nanos)).getTotalSeconds();
        }
        long seconds = Iso8601.epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offset;
        return seconds * 1_000_000L + nanos / 1000;
    }
}
