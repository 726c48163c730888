package io.sensoretl.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sensoretl.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    @TempDir
    Path dir;

    @Test
    void aDumpOfAGivenSizeSpreadOverOneDayIsOnePartition() throws Exception {
        Path dump = dir.resolve("day.ndjson");

        CliRun run = CliRun.of("generate", "--size", "8MiB", "--days", "1", "--seed", "4", "-o", dump.toString(), "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode truth = new ObjectMapper().readTree(run.out());
        assertThat(truth.path("bytes").asLong()).isGreaterThanOrEqualTo(8L << 20).isEqualTo(Files.size(dump));
        assertThat(truth.path("partitions").size()).isEqualTo(1);
        assertThat(truth.path("partitions").has("dt=2024-03-01")).isTrue();
        assertThat(truth.path("partitions").path("dt=2024-03-01").path("count").asLong()).isEqualTo(truth.path("valid").asLong());
    }

    @Test
    void recordsSpreadOverThreeDaysFillThreePartitions() throws Exception {
        CliRun run = CliRun.of("generate", "--records", "30000", "--days", "3", "-o", dir.resolve("d.ndjson").toString(), "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(new ObjectMapper().readTree(run.out()).path("partitions").size()).isEqualTo(3);
    }

    @Test
    void recordsAndSizeTogetherOrNeitherAreRefused() {
        CliRun both = CliRun.of("generate", "--records", "10", "--size", "1MiB", "-o", dir.resolve("x").toString());
        CliRun neither = CliRun.of("generate", "-o", dir.resolve("x").toString());

        assertThat(both.exit()).isNotZero();
        assertThat(both.err()).contains("either --records or --size");
        assertThat(neither.exit()).isNotZero();
        assertThat(neither.err()).contains("either --records or --size");
    }
}
