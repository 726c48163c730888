package io.sensoretl.generate;

import java.time.LocalDate;

/**
 * Formats timestamps exactly as {@code Instant.toString()} (UTC, {@code Z}) and
 * {@code OffsetDateTime.toString()} at +01:00 do, without creating either: the generator writes
 * tens of millions of them for a large dump. The date part is cached per day.
 */
final class IsoTimes {
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private long cachedDay = Long.MIN_VALUE;
    private String cachedDate;

    /** Appends {@code micros} as {@code Instant.toString()} would. */
    void appendUtc(StringBuilder sb, long micros) {
        long day = Math.floorDiv(micros, MICROS_PER_DAY);
        long ofDay = micros - day * MICROS_PER_DAY;
        sb.append(date(day)).append('T');
        long seconds = ofDay / 1_000_000;
        two(sb, (int) (seconds / 3600));
        sb.append(':');
        two(sb, (int) (seconds / 60 % 60));
        sb.append(':');
        two(sb, (int) (seconds % 60));
        fraction(sb, (int) (ofDay % 1_000_000) * 1000);
        sb.append('Z');
    }

    /** Appends {@code micros} at offset +01:00 as {@code OffsetDateTime.toString()} would (seconds only when not zero). */
    void appendPlusOneHour(StringBuilder sb, long micros) {
        long local = micros + 3_600_000_000L;
        long day = Math.floorDiv(local, MICROS_PER_DAY);
        long ofDay = local - day * MICROS_PER_DAY;
        sb.append(date(day)).append('T');
        long seconds = ofDay / 1_000_000;
        int nanos = (int) (ofDay % 1_000_000) * 1000;
        two(sb, (int) (seconds / 3600));
        sb.append(':');
        two(sb, (int) (seconds / 60 % 60));
        int second = (int) (seconds % 60);
        if (second > 0 || nanos > 0) {
            sb.append(':');
            two(sb, second);
            fraction(sb, nanos);
        }
        sb.append("+01:00");
    }

    private String date(long day) {
        if (day != cachedDay) {
            cachedDay = day;
            cachedDate = LocalDate.ofEpochDay(day).toString();
        }
        return cachedDate;
    }

    /** Zero, three, six or nine digits, as java.time prints a nano-of-second. */
    private static void fraction(StringBuilder sb, int nanos) {
        if (nanos == 0) {
            return;
        }
        sb.append('.');
        if (nanos % 1_000_000 == 0) {
            digits(sb, nanos / 1_000_000, 3);
        } else if (nanos % 1000 == 0) {
            digits(sb, nanos / 1000, 6);
        } else {
            digits(sb, nanos, 9);
        }
    }

    private static void two(StringBuilder sb, int v) {
        sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    private static void digits(StringBuilder sb, int v, int width) {
        for (int p = width - 1; p >= 0; p--) {
            int d = v;
            for (int i = 0; i < p; i++) {
                d /= 10;
            }
            sb.append((char) ('0' + d % 10));
        }
    }
}
