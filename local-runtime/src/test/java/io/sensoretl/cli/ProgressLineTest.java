package io.sensoretl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressLineTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong now = new AtomicLong();

    @TempDir
    Path dir;

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutATerminalALineEveryIntervalWithBytesRecordsRateAndEta() {
        ProgressLine p = new ProgressLine(err, false, Duration.ofSeconds(10), now::get, false);
        p.start("transform", 100_000_000, -1);
        p.advance(10_000_000, 1000);
        assertThat(printed()).as("nothing before the first interval").isEmpty();

        now.set(Duration.ofSeconds(10).toNanos());
        p.advance(15_000_000, 1500);
        assertThat(printed()).isEqualTo(
                "transform: 23.8 MiB of 95.4 MiB (25%), 2,500 records, 2.5 MB/s, 250 records/s, ETA 0:30\n");

        now.set(Duration.ofSeconds(12).toNanos());
        p.advance(1, 0);
        assertThat(printed().lines()).as("not again within the interval").hasSize(1);

        now.set(Duration.ofSeconds(40).toNanos());
        p.advance(75_000_000, 7500);
        p.finish();
        assertThat(printed().lines()).hasSize(2).last().asString()
                .isEqualTo("transform: 95.4 MiB of 95.4 MiB (100%), 10,000 records, 2.5 MB/s, 250 records/s, 0:40 elapsed");
    }

    @Test
    void aSilentTaskStillShowsItIsAliveOnEachTick() {
        ProgressLine p = new ProgressLine(err, false, Duration.ofSeconds(10), now::get, false);
        p.start("transform", 64L << 20, -1);
        now.set(Duration.ofSeconds(11).toNanos());
        p.tick();
        assertThat(printed()).startsWith("transform: 0 B of 64.0 MiB (0%), 0 records").endsWith("0:11 elapsed\n");
    }

    @Test
    void onATerminalOneLineRedrawnInPlace() {
        ProgressLine p = new ProgressLine(err, true, Duration.ofMillis(250), now::get, false);
        p.start("generate", -1, 1000);
        now.set(Duration.ofSeconds(1).toNanos());
        p.advance(0, 500);
        now.set(Duration.ofSeconds(2).toNanos());
        p.advance(0, 500);
        p.finish();
        assertThat(printed()).isEqualTo("\rgenerate: 500 records of 1,000 (50%), 500 records/s, ETA 0:01"
                + "\rgenerate: 1,000 records of 1,000 (100%), 500 records/s, 0:02 elapsed\n");
    }

    @Test
    void generateShowsProgressOnStderrAndNoneWithJson() throws Exception {
        CliRun plain = CliRun.of("generate", "--records", "2000", "-o", dir.resolve("a.ndjson").toString());
        assertThat(plain.exit()).as(plain.err()).isZero();
        assertThat(plain.err()).contains("generate a.ndjson:").contains("2,000 records of 2,000 (100%)");
        assertThat(plain.out()).startsWith("wrote ");

        CliRun json = CliRun.of("generate", "--records", "2000", "-o", dir.resolve("b.ndjson").toString(), "--json");
        assertThat(json.exit()).isZero();
        assertThat(json.err()).isEmpty();
        JsonNode doc = JsonOutput.mapper().readTree(json.out());
        assertThat(json.out().lines()).hasSize(1);
        assertThat(doc.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(doc.path("records").asLong()).isEqualTo(2000);
        assertThat(doc.has("rejectedByReason")).isTrue();
        assertThat(doc.path("partitions").elements().next().has("valueSum")).isTrue();
    }
}
