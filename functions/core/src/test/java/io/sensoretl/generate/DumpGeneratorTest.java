package io.sensoretl.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DumpGeneratorTest {

    /**
     * The generator's output for a seed is part of its contract (tests and benchmarks regenerate dumps and
     * compare): these digests were taken from the implementation before its fast path (per-sensor text,
     * timestamps formatted without java.time objects), which must write exactly the same bytes.
     */
    @ParameterizedTest
    @CsvSource({
        "7, 50, 20000, 250000, 0bbf22b39d5e4778f2c04a6aa8459f6a060f683dc10b02e88dbfacf87a112767, 4352304",
        "11, 13, 30000, 1500, dc89f462abb906958c0e3d7f64dac467338b1693457d9c76d485addea5d53703, 6006523",
        "3, 500, 30000, 1, e15dba8215eaece8c4e6774dfb2f2fd3cd2c84eaf9eebb777c761d4eb48df449, 6194666"})
    void theSameSeedWritesTheSameBytesAsBeforeTheFastPath(long seed, int sensors, long records, long stepMicros, String sha256,
                                                          long bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GeneratorTruth truth = new DumpGenerator(seed, 0.05, sensors, Instant.parse("2024-03-01T00:00:00Z"),
                Duration.ofNanos(stepMicros * 1000)).writeRecords(out, records);

        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()))).isEqualTo(sha256);
        assertThat(truth.bytes()).isEqualTo(bytes).isEqualTo(out.size());
        assertThat(truth.sensors().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(truth.valid());
    }

    @Test
    void timestampsAreFormattedAsJavaTimeFormatsThem() {
        IsoTimes times = new IsoTimes();
        long start = Instant.parse("2024-02-28T22:59:58Z").getEpochSecond() * 1_000_000L;
        // whole seconds, whole minutes, millis, micros; across midnight and the end of February (leap year)
        long[] offsets = {0, 1_000_000, 2_000_000, 61_000_000, 1_250_000, 1_000_250, 1_000_001, 3_600_000_000L * 25 + 7};
        for (long offset : offsets) {
            for (long hour = 0; hour < 30; hour++) {
                long micros = start + offset + hour * 3_600_000_000L;
                Instant i = Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1000);
                StringBuilder utc = new StringBuilder();
                times.appendUtc(utc, micros);
                assertThat(utc.toString()).isEqualTo(i.toString());
                StringBuilder plusOne = new StringBuilder();
                times.appendPlusOneHour(plusOne, micros);
                assertThat(plusOne.toString()).isEqualTo(OffsetDateTime.ofInstant(i, ZoneOffset.ofHours(1)).toString());
            }
        }
    }
}
