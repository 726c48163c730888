package io.sensoretl.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.cli.CliRun;
import io.sensoretl.cli.JsonOutput;
import io.sensoretl.generate.DumpGenerator;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void theDemosQueryAndRejectsAreOfTheDemoRunOnly() throws Exception {
        String data = dir.resolve("state").toString();
        Path other = dir.resolve("other.ndjson");
        try (OutputStream out = Files.newOutputStream(other)) {
            // other days than the sample's, so no reading of it collides with one of the demo (deduplication)
            new DumpGenerator(9, 0.05, 20, java.time.Instant.parse("2023-01-01T00:00:00Z"), java.time.Duration.ofSeconds(1))
                    .writeRecords(out, 1500);
        }
        CliRun earlier = CliRun.of("run", other.toString(), "--json", "--data-dir", data);
        assertThat(earlier.exit()).as(earlier.err()).isZero();

        CliRun demo = CliRun.of("demo", "--json", "--data-dir", data);
        assertThat(demo.exit()).as(demo.err()).isZero();
        JsonNode doc = JsonOutput.mapper().readTree(demo.out());
        assertThat(doc.path("schemaVersion").asInt()).isEqualTo(1);
        JsonNode run = doc.path("run");
        long readings = 0;
        for (JsonNode row : doc.path("query").path("rows")) {
            readings += row.path("readings").asLong();
        }
        assertThat(readings).as("curated readings in the query").isEqualTo(run.path("valid").asLong());
        long rejects = 0;
        for (JsonNode n : doc.path("rejectsByReason")) {
            rejects += n.asLong();
        }
        assertThat(rejects).isEqualTo(run.path("rejected").asLong());
        assertThat(doc.path("query").path("sql").asText()).contains("WHERE run_id = '" + run.path("runId").asText() + "'");
    }
}
