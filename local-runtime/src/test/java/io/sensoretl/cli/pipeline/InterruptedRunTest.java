package io.sensoretl.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sensoretl.cli.CliRun;
import io.sensoretl.cli.SeparateJvm;
import io.sensoretl.generate.DumpGenerator;
import io.sensoretl.generate.GeneratorTruth;
import io.sensoretl.local.CuratedData;
import io.sensoretl.local.DataDir;
import io.sensoretl.local.ExecutionOwners;
import io.sensoretl.local.PhaseHooks;
import io.sensoretl.testing.DuckDb;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * issue 12, section 1: a real {@code run} process (a JVM of its own) is killed at each phase of the
 * workflow, or stopped with SIGTERM, and a plain re-run of the same command converges to exactly one copy
 * of every valid record and the right latest readings (checked by DuckDB reading the curated Parquet the
 * catalog points at and the latest-readings file). The phase is reached through the test-only hooks of
 * {@link PhaseHooks}, not by timing.
 */
class InterruptedRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    static Path shared;
    static Path dump;
    static GeneratorTruth truth;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() throws Exception {
        dump = shared.resolve("plant.ndjson");
        // ~3 days of readings, a few rejects: several partitions, so a crash can fall between two of them
        try (OutputStream out = Files.newOutputStream(dump)) {
            truth = new DumpGenerator(7, 0.02, 20, Instant.parse("2024-03-01T00:00:00Z"), Duration.ofSeconds(45))
                    .writeRecords(out, 6_000);
        }
        assertThat(truth.partitions()).hasSizeGreaterThanOrEqualTo(3);
    }

    private String[] run(Path data, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("run", dump.toString(), "--chunk", "48KiB", "--max-concurrency",
                "2", "--json", "--data-dir", data.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private SeparateJvm runIn(Path data, PhaseHooks.Phase phase, String action) throws Exception {
        return SeparateJvm.sensorEtl(dir.resolve("run-" + phase.label() + ".err"),
                List.of("-D" + PhaseHooks.PROPERTY + "=" + phase.label() + ":" + action), run(data));
    }

    @ParameterizedTest(name = "killed {0}")
    @EnumSource(PhaseHooks.Phase.class)
    void aPlainRerunAfterTheProcessIsKilledConvergesExactly(PhaseHooks.Phase phase) throws Exception {
        Path data = dir.resolve("data");
        String killed;
        try (SeparateJvm first = runIn(data, phase, "halt")) {
            assertThat(first.waitFor(RUN_TIMEOUT)).as(first.stderr()).isEqualTo(PhaseHooks.HALT_STATUS);
            assertThat(first.stderr()).contains("halting at " + phase.label());
            killed = onlyExecution(data);
        }

        CliRun again = CliRun.of(run(data));

        assertThat(again.exit()).as(again.err()).isZero();
        JsonNode report = JSON.readTree(again.out());
        assertThat(report.path("outcome").asText()).isEqualTo("PROCESSED");
        assertThat(report.path("valid").asLong()).isEqualTo(truth.valid());
        assertConverged(new DataDir(data));

        // the killed execution is listed as Step Functions lists a stopped one, saying why
        JsonNode listed = executions(data, "list");
        assertThat(listed.findValues("status").stream().map(JsonNode::asText).toList())
                .containsExactlyInAnyOrder("ABORTED", "SUCCEEDED");
        JsonNode shown = executions(data, "show", killed);
        assertThat(shown.toString()).contains("ABORTED").contains(ExecutionOwners.PROCESS_GONE).contains("is gone");
    }

    @Test
    void whileARunIsAliveItHoldsTheUploadAndSigtermStopsItCleanlyThenForceIsHonoured() throws Exception {
        Path data = dir.resolve("data");
        try (SeparateJvm first = runIn(data, PhaseHooks.Phase.MID_COMPACTION, "pause")) {
            first.awaitStderr("paused at mid-compaction", RUN_TIMEOUT);
            String holding = onlyExecution(data);
            assertThat(leasesOf(data, holding)).as("a partition lease of the paused compaction").isNotEmpty();

            CliRun second = CliRun.of(run(data));
            assertThat(second.exit()).as(second.err()).isEqualTo(RunCommand.ALREADY_RUNNING_EXIT);
            JsonNode busy = JSON.readTree(second.out());
            assertThat(busy.path("outcome").asText()).isEqualTo("ALREADY_RUNNING");
            assertThat(busy.path("heldBy").asText()).isEqualTo(holding);
            assertThat(busy.path("holder").asText()).startsWith("RUNNING").contains("pid " + first.pid());

            CliRun forced = CliRun.of("run", dump.toString(), "--chunk", "48KiB", "--force", "--data-dir", data.toString());
            assertThat(forced.exit()).as(forced.err()).isEqualTo(RunCommand.ALREADY_RUNNING_EXIT);
            assertThat(forced.out()).contains("is being processed by execution " + holding)
                    .contains("--force refused");

            first.terminate();
            assertThat(first.waitFor(RUN_TIMEOUT)).isNotZero();
            assertThat(first.stderr()).contains("stopped execution " + holding + " (ABORTED)");
            // the stopped run still reports, as a failed one does
            JsonNode stopped = JSON.readTree(first.awaitLine(Duration.ofSeconds(5)));
            assertThat(stopped.path("status").asText()).isEqualTo("ABORTED");
            assertThat(stopped.path("outcome").asText()).isEqualTo("FAILED");
            assertThat(stopped.path("executionId").asText()).isEqualTo(holding);
            assertThat(stopped.path("error").asText()).isEqualTo(RunCommand.INTERRUPTED);
            assertThat(leasesOf(data, holding)).as("the leases of the stopped execution").isEmpty();
            JsonNode shown = executions(data, "show", holding);
            assertThat(shown.toString()).contains("ABORTED").contains(RunCommand.INTERRUPTED);
        }

        // --force is honoured for the RUNNING entry of an execution that has ended (the kills above re-run plainly)
        CliRun again = CliRun.of(run(data, "--force"));
        assertThat(again.exit()).as(again.err()).isZero();
        JsonNode report = JSON.readTree(again.out());
        assertThat(report.path("outcome").asText()).isEqualTo("PROCESSED");
        assertThat(report.path("valid").asLong()).isEqualTo(truth.valid());
        assertConverged(new DataDir(data));
    }

    private static String onlyExecution(Path data) throws Exception {
        JsonNode listed = executions(data, "list");
        List<String> arns = listed.findValues("executionArn").stream().map(JsonNode::asText).toList();
        assertThat(arns).hasSize(1);
        return arns.get(0);
    }

    private static JsonNode executions(Path data, String... args) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of("executions"));
        all.addAll(List.of(args));
        all.addAll(List.of("--json", "--data-dir", data.toString()));
        CliRun r = CliRun.of(all.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    /** The partition leases held in an execution (the local lease file, as the runtime keeps it). */
    private static List<String> leasesOf(Path data, String executionArn) throws Exception {
        Path file = data.resolve("locks").resolve("leases.json");
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> held = new java.util.ArrayList<>();
        JSON.readTree(file.toFile()).properties().forEach(e -> {
            if (executionArn.equals(e.getValue().path("execution").asText(null))) {
                held.add(e.getKey());
            }
        });
        return held;
    }

    /** Exactly one copy of every valid record, per partition as generated, and the newest reading of every series. */
    private static void assertConverged(DataDir data) throws Exception {
        String readings = CuratedData.readParquet(new CuratedData(data).readingsGlobs());
        assertThat(readings).isNotNull();
        try (DuckDb db = new DuckDb()) {
            assertThat(count(db, "SELECT count(*) FROM " + readings)).isEqualTo(truth.valid());
            assertThat(count(db, "SELECT count(*) FROM (SELECT DISTINCT sensor_id, ts, metric FROM " + readings + ")"))
                    .as("no reading twice").isEqualTo(truth.valid());
            for (var p : truth.partitions().entrySet()) {
                String dt = p.getKey().replaceFirst("^dt=", "");
                assertThat(count(db, "SELECT count(*) FROM " + readings + " WHERE CAST(dt AS VARCHAR) = '" + dt + "'"))
                        .as("rows of dt=%s", dt).isEqualTo(p.getValue().count());
            }
            String latest = data.root().resolve("latest").resolve("readings.json").toString().replace("'", "''");
            String stored = "SELECT e.value->>'sensorId' AS sensor_id, e.value->>'metric' AS metric, "
                    + "CAST(e.value->>'tsMicros' AS BIGINT) AS ts_micros FROM read_json_objects('" + latest + "') AS t, "
                    + "json_each(t.json) AS e";
            String newest = "SELECT sensor_id, metric, max(epoch_us(ts)) AS ts_micros FROM " + readings + " GROUP BY ALL";
            assertThat(count(db, "SELECT count(*) FROM (" + stored + ")")).as("latest readings")
                    .isEqualTo(count(db, "SELECT count(*) FROM (" + newest + ")"));
            assertThat(count(db, "SELECT count(*) FROM (" + newest + ") n FULL JOIN (" + stored + ") s USING (sensor_id, metric)"
                    + " WHERE n.ts_micros IS DISTINCT FROM s.ts_micros")).as("series whose latest reading is not the newest")
                    .isZero();
        }
    }

    private static long count(DuckDb db, String sql) throws Exception {
        return ((Number) db.scalar(sql)).longValue();
    }
}
