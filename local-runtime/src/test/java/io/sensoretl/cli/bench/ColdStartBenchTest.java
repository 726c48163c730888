package io.sensoretl.cli.bench;

import io.sensoretl.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.cli.JsonOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColdStartBenchTest {
    /** Built by the functions module's package phase, which runs before this module's tests. */
    private static final Path JARS = Path.of(System.getProperty("sensoretl.repo.root", ".."), "functions", "lambda", "target", "lambda");

    private static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    @Test
    void anUnknownFunctionIsAUserErrorNamingTheKnownOnes() {
        CliRun run = cli("bench", "coldstart", "--functions", "transfrom");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("unknown function 'transfrom'", "transform", "compact");
    }

    @Test
    void aMissingJarIsAUserErrorSayingHowToBuildIt(@TempDir Path empty) {
        CliRun run = cli("bench", "coldstart", "--functions", "plan", "--jars", empty.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains(empty.resolve("plan.jar").toString(), "package");
    }

    @Test
    void jsonReportsSizeAndColdStartTimesPerModeForAFunction() throws Exception {
        assumeTrue(Files.isRegularFile(JARS.resolve("record-run.jar")),
                "no deployment jars in " + JARS + " (built by `mvn package` of functions): skipped");
        CliRun run = cli("bench", "coldstart", "--functions", "record-run", "--runs", "1", "--json", "--jars", JARS.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode report = JsonOutput.mapper().readTree(run.out());
        assertThat(report.path("runs").asInt()).isEqualTo(1);
        JsonNode f = report.path("functions").get(0);
        assertThat(f.path("function").asText()).isEqualTo("record-run");
        assertThat(f.path("jarBytes").asLong()).isEqualTo(Files.size(JARS.resolve("record-run.jar")));
        assertThat(f.path("event").asText()).isEqualTo("priming");
        for (String mode : new String[] {"plain", "c1", "cds"}) {
            assertThat(f.path(mode + "Ms").asDouble()).as(mode).isPositive();
            assertThat(f.path(mode + "RunsMs")).as(mode).hasSize(1);
        }
        assertThat(f.path("cdsArchiveBytes").asLong()).isPositive();
        assertThat(f.path("result").path("decision").asText()).isEqualTo("STARTED");
    }
}
