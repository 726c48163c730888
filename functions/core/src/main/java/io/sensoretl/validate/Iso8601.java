package io.sensoretl.validate;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A fast parser for the ISO-8601 timestamps sensor dumps nearly always use
 * ({@code 2024-03-01T10:15:30[.fraction][Z|+01:00|+0100|+01]}, {@code T} or a space). It avoids
 * {@code DateTimeFormatter}, which costs several times the rest of a record's validation, and works on
 * the record's bytes, so the columnar path needs no String. Anything it does not recognise returns
 * {@link #UNPARSED} so the caller can fall back to java.time.
 */
public final class Iso8601 {
    public static final long UNPARSED = Long.MIN_VALUE;

    private Iso8601() {}

    /** The text's characters as the byte parser sees them: anything outside ASCII can never match, so it becomes 0xFF. */
    static long parseMicros(String s, ZoneId zone) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            char c = s.charAt(i);
            b[i] = c < 0x80 ? (byte) c : (byte) 0xFF;
        }
        return parseMicros(b, 0, b.length, zone);
    }

    /**
     * The last date a parser saw ({@code yyyy-MM-dd} as bytes) and its day number: the records of a dump
     * come in time order, so most share their predecessor's date and skip its parsing.
     */
    public static final class DateCache {
        private long text = -1;
        private int textTail = -1;
        private int year;
        private int month;
        private int day;
        private long epochDay;
    }

    /** Microseconds since the epoch of the ASCII text {@code b[from, to)}, or {@link #UNPARSED}. */
    public static long parseMicros(byte[] b, int from, int to, ZoneId zone) {
        return parseMicros(b, from, to, zone, null);
    }

    /** As {@link #parseMicros(byte[], int, int, ZoneId)}, remembering the date in {@code cache} (may be null). */
    public static long parseMicros(byte[] b, int from, int to, ZoneId zone, DateCache cache) {
        int n = to - from;
        if (n < 16 || b[from + 4] != '-' || b[from + 7] != '-' || (b[from + 10] != 'T' && b[from + 10] != ' ')
                || b[from + 13] != ':') {
            return UNPARSED;
        }
        boolean withSeconds = n >= 19 && b[from + 16] == ':';
        if (!withSeconds && !minutesOnly(b, from, to)) {
            return UNPARSED;
        }
        int year;
        int month;
        int day;
        long epochDay;
        // the date's 10 bytes: a word and the last two
        long date = cache == null ? -1 : io.sensoretl.decode.Bytes.word(b, from, 8);
        int dateTail = cache == null ? -1 : ((b[from + 8] & 0xFF) << 8) | (b[from + 9] & 0xFF);
        if (cache != null && cache.text == date && cache.textTail == dateTail) {
            year = cache.year;
            month = cache.month;
            day = cache.day;
            epochDay = cache.epochDay;
        } else {
            year = digits(b, from, 4);
            month = digits(b, from + 5, 2);
            day = digits(b, from + 8, 2);
            if ((year | month | day) < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
                return UNPARSED;
            }
            epochDay = epochDay(year, month, day);
            if (cache != null) {
                cache.text = date;
                cache.textTail = dateTail;
                cache.year = year;
                cache.month = month;
                cache.day = day;
                cache.epochDay = epochDay;
            }
        }
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int second = withSeconds ? digits(b, from + 17, 2) : 0;
        if ((hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return UNPARSED;
        }
        int i = from + (withSeconds ? 19 : 16);
        long micros = 0;
        int nanos = 0;
        if (i < to && (b[i] == '.' || b[i] == ',')) {
            int start = ++i;
            long frac = 0;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                if (i - start < 9) {
                    frac = frac * 10 + (b[i] - '0');
                }
                i++;
            }
            int len = i - start;
            if (len == 0) {
                return UNPARSED;
            }
            for (int k = Math.min(len, 9); k < 9; k++) {
                frac *= 10;
            }
            nanos = (int) frac;
            micros = frac / 1000;
        }
        long offsetSeconds;
        if (i == to) {
            if (zone.equals(ZoneOffset.UTC)) {
                offsetSeconds = 0;
            } else if (zone instanceof ZoneOffset fixed) {
                offsetSeconds = fixed.getTotalSeconds();
            } else {
                LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
                offsetSeconds = zone.getRules().getOffset(local).getTotalSeconds();
            }
        } else if (b[i] == 'Z' && i + 1 == to) {
            offsetSeconds = 0;
        } else if (b[i] == '+' || b[i] == '-') {
            int sign = b[i] == '-' ? -1 : 1;
            int oh;
            int om;
            if (to - i == 6 && b[i + 3] == ':') {
                oh = digits(b, i + 1, 2);
                om = digits(b, i + 4, 2);
            } else if (to - i == 5) {
                oh = digits(b, i + 1, 2);
                om = digits(b, i + 3, 2);
            } else if (to - i == 3) {
                oh = digits(b, i + 1, 2);
                om = 0;
            } else {
                return UNPARSED;
            }
            if (oh < 0 || om < 0 || oh > 18 || om > 59) {
                return UNPARSED;
            }
            offsetSeconds = sign * (oh * 3600L + om * 60L);
        } else {
            return UNPARSED;
        }
        long seconds = epochDay * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return seconds * 1_000_000L + micros;
    }

    /**
     * The {@code yyyy-MM-ddTHH:mm} form without seconds (as {@code OffsetDateTime.toString()} writes whole
     * minutes), in the shapes java.time's ISO_DATE_TIME reads the same way: 'T', then the end, 'Z' or an
     * offset {@code ±HH:MM} within ±18:00.
     */
    private static boolean minutesOnly(byte[] b, int from, int to) {
        if (b[from + 10] != 'T') {
            return false;
        }
        int rest = to - from - 16;
        if (rest == 0 || (rest == 1 && b[from + 16] == 'Z')) {
            return true;
        }
        if (rest != 6 || (b[from + 16] != '+' && b[from + 16] != '-') || b[from + 19] != ':') {
            return false;
        }
        int oh = digits(b, from + 17, 2);
        int om = digits(b, from + 20, 2);
        return oh >= 0 && om >= 0 && om <= 59 && oh * 60 + om <= 18 * 60;
    }

    /**
     * Whether java.time's ISO_DATE_TIME (the reference's second try) certainly fails on a text this parser
     * rejected: it has no digit at all, or it starts with an ISO date ({@code yyyy-MM-dd}) whose month or
     * day is impossible, which is not followed by 'T' or 't', or whose {@code HH:mm[:ss]} is out of range.
     * False whenever java.time might still read it.
     */
    public static boolean certainlyInvalid(byte[] b, int from, int to) {
        boolean digit = false;
        for (int i = from; i < to && !digit; i++) {
            digit = b[i] >= '0' && b[i] <= '9';
        }
        if (!digit) {
            return true;
        }
        int n = to - from;
        if (n < 10 || b[from + 4] != '-' || b[from + 7] != '-') {
            return false;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        if ((year | month | day) < 0) {
            return false;
        }
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return true;
        }
        if (n == 10) {
            return false; // a date alone: ISO_DATE_TIME needs a time, but leave the wording to java.time
        }
        if (b[from + 10] != 'T' && b[from + 10] != 't') {
            return true;
        }
        if (n < 16 || b[from + 13] != ':') {
            return false;
        }
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        if ((hour | minute) < 0) {
            return false;
        }
        if (hour > 23 || minute > 59) {
            return true;
        }
        if (n >= 19 && b[from + 16] == ':') {
            int second = digits(b, from + 17, 2);
            return second > 59;
        }
        return false;
    }

    private static int digits(byte[] b, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) {
                return -1;
            }
            v = v * 10 + c;
        }
        return v;
    }

    static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days inverse). */
    static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
