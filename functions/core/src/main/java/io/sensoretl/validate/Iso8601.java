package io.sensoretl.validate;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A fast parser for the ISO-8601 timestamps sensor dumps nearly always use
 * ({@code 2024-03-01T10:15:30[.fraction][Z|+01:00|+0100]}, {@code T} or a space). It avoids
 * {@code DateTimeFormatter}, which costs several times the rest of a record's validation. Anything it
 * does not recognise returns {@link Long#MIN_VALUE} so the caller can fall back to java.time.
 */
final class Iso8601 {
    static final long UNPARSED = Long.MIN_VALUE;

    private Iso8601() {}

    static long parseMicros(String s, ZoneId zone) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return UNPARSED;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1
                || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
            return UNPARSED;
        }
        int i = 19;
        long micros = 0;
        int nanos = 0;
        if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
            int start = ++i;
            long frac = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                if (i - start < 9) {
                    frac = frac * 10 + (s.charAt(i) - '0');
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
        if (i == n) {
            if (zone.equals(ZoneOffset.UTC)) {
                offsetSeconds = 0;
            } else {
                LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
                offsetSeconds = zone.getRules().getOffset(local).getTotalSeconds();
            }
        } else if (s.charAt(i) == 'Z' && i + 1 == n) {
            offsetSeconds = 0;
        } else if (s.charAt(i) == '+' || s.charAt(i) == '-') {
            int sign = s.charAt(i) == '-' ? -1 : 1;
            int oh;
            int om;
            if (n - i == 6 && s.charAt(i + 3) == ':') {
                oh = digits(s, i + 1, 2);
                om = digits(s, i + 4, 2);
            } else if (n - i == 5) {
                oh = digits(s, i + 1, 2);
                om = digits(s, i + 3, 2);
            } else if (n - i == 3) {
                oh = digits(s, i + 1, 2);
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
        long epochDay = epochDay(year, month, day);
        long seconds = epochDay * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return seconds * 1_000_000L + micros;
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int daysInMonth(int year, int month) {
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
