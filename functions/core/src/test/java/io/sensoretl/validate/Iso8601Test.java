package io.sensoretl.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The byte-level ISO-8601 parser reads every text java.time's ISO_DATE_TIME reads the way java.time does. */
class Iso8601Test {
    private static final ZoneId[] ZONES = {ZoneOffset.UTC, ZoneId.of("+01:00"), ZoneId.of("Europe/Rome"),
        ZoneId.of("America/New_York"), ZoneId.of("UTC")};

    private static long javaTime(String text, ZoneId zone) {
        TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
        Instant i = t instanceof OffsetDateTime o ? o.toInstant() : ((LocalDateTime) t).atZone(zone).toInstant();
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    }

    @Test
    void everyFormJavaTimeWritesIsReadToTheSameMicrosecond() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            LocalDateTime local = LocalDateTime.of(1970 + r.nextInt(230), 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(24),
                    r.nextInt(60), r.nextInt(4) == 0 ? 0 : r.nextInt(60), r.nextInt(3) == 0 ? 0 : r.nextInt(1_000_000_000));
            String text = switch (r.nextInt(4)) {
                case 0 -> local.toString(); // whole minutes without seconds, like 2024-03-01T10:15
                case 1 -> local.atOffset(ZoneOffset.UTC).toString(); // ...Z
                case 2 -> local.atOffset(ZoneOffset.ofTotalSeconds((r.nextInt(73) - 36) * 1800)).toString();
                default -> local.withSecond(r.nextInt(60)).withNano(0).atOffset(ZoneOffset.ofHoursMinutes(r.nextInt(15), 30)).toString();
            };
            ZoneId zone = ZONES[r.nextInt(ZONES.length)];
            byte[] b = text.getBytes(StandardCharsets.US_ASCII);
            long fast = Iso8601.parseMicros(b, 0, b.length, zone.normalized());
            assertThat(fast).as(text + " in " + zone).isEqualTo(javaTime(text, zone));
            Iso8601.DateCache cache = new Iso8601.DateCache();
            assertThat(Iso8601.parseMicros(b, 0, b.length, zone.normalized(), cache)).isEqualTo(fast);
            assertThat(Iso8601.parseMicros(b, 0, b.length, zone.normalized(), cache)).as("cached").isEqualTo(fast);
        }
    }

    @Test
    void minutesWithoutSecondsAreReadOnlyInTheShapesJavaTimeReads() {
        String[] accepted = {"2024-03-01T10:15", "2024-03-01T10:15Z", "2024-03-01T10:15+01:00", "2024-03-01T10:15-18:00",
            "2024-03-01T10:15+18:00"};
        for (String t : accepted) {
            byte[] b = t.getBytes(StandardCharsets.US_ASCII);
            assertThat(Iso8601.parseMicros(b, 0, b.length, ZoneOffset.UTC)).as(t).isEqualTo(javaTime(t, ZoneOffset.UTC));
        }
        String[] declined = {"2024-03-01 10:15", "2024-03-01T10:15+0100", "2024-03-01T10:15+01", "2024-03-01T10:15+18:30",
            "2024-03-01T10:15z", "2024-03-01t10:15", "2024-03-01T10:15.5", "2024-03-01T10:1"};
        for (String t : declined) {
            byte[] b = t.getBytes(StandardCharsets.US_ASCII);
            assertThat(Iso8601.parseMicros(b, 0, b.length, ZoneOffset.UTC)).as(t).isEqualTo(Iso8601.UNPARSED);
        }
    }

    @Test
    void textsItCallsCertainlyInvalidAreRejectedByJavaTimeToo() {
        String[] invalid = {"yesterday", "2024-13-45T25:61:00Z", "2023-02-29T00:00:00Z", "2024-03-01 10:15:99",
            "2024-03-01T24:00:00Z", "2024-03-01T10:60Z", "2024-03-01X10:00:00Z", "2024-00-10T00:00Z"};
        for (String t : invalid) {
            byte[] b = t.getBytes(StandardCharsets.US_ASCII);
            assertThat(Iso8601.certainlyInvalid(b, 0, b.length)).as(t).isTrue();
            assertThat(parses(t)).as(t).isFalse();
        }
        for (String t : new String[] {"2024-03-01t10:15:30z", "2024-03-01T10:15:30+01:00[Europe/Paris]", "2024-03-01",
            "+2024-03-01T10:15:30Z", "2024-03-01T10:15:30.1234567891Z"}) {
            byte[] b = t.getBytes(StandardCharsets.US_ASCII);
            assertThat(Iso8601.certainlyInvalid(b, 0, b.length)).as(t).isFalse();
        }
    }

    private static boolean parses(String t) {
        try {
            javaTime(t, ZoneOffset.UTC);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
