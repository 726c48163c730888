package io.sensoretl.cli.cost;

import io.sensoretl.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** `./sensor-etl cost` on the shipped prices, assumptions and benchmark (found from the module directory). */
class CostCommandTest {
    private static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    @Test
    void jsonOutputIsItemisedAndAddsUp() throws Exception {
        CliRun run = cli("cost", "--size", "10GiB", "--chunk", "64MiB", "--arch", "x86_64", "--memory", "2048", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode r = new ObjectMapper().readTree(run.out());
        assertThat(r.path("shape").path("chunks").asLong()).isEqualTo(160); // 10 GiB / 64 MiB
        assertThat(r.path("memoryMb").path("transform").asInt()).isEqualTo(2048);
        double sum = 0;
        for (JsonNode i : r.path("items")) {
            sum += i.path("usd").asDouble();
            assertThat(i.path("note").asText()).isNotBlank();
        }
        assertThat(r.path("totalUsd").asDouble()).isCloseTo(sum, within(1e-12));
        assertThat(r.path("servicesUsd").has("Step Functions")).isTrue();
        assertThat(r.path("recommendations")).hasSize(7);
        assertThat(r.path("glueEtl").path("billedSeconds").asDouble()).isGreaterThanOrEqualTo(60);
        assertThat(r.path("prices").path("region").asText()).isEqualTo("us-east-1");
    }

    @Test
    void textOutputShowsTheTotalAndTheTradeOff() {
        CliRun run = cli("cost", "--size", "1GB");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Total").contains("Glue Spark ETL").contains("cheapest within 10% of the fastest");
    }

    @Test
    void aBadSlowdownIsAUserError() {
        CliRun run = cli("cost", "--size", "1GB", "--slowdown", "fast");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--slowdown expects a percentage like 10%");
    }

    @Test
    void anUnknownArchitectureIsAUserError() {
        CliRun run = cli("cost", "--size", "1GB", "--arch", "sparc");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("unknown architecture 'sparc'");
    }
}
