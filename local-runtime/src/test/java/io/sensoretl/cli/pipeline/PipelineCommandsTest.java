package io.sensoretl.cli.pipeline;

import io.sensoretl.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sensoretl.generate.AirQualityGenerator;
import io.sensoretl.generate.DumpGenerator;
import io.sensoretl.generate.GeneratorTruth;
import io.sensoretl.local.DataDir;
import io.sensoretl.local.LocalServices;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** `run`, `dlq list` and `serve` through the CLI, as a user calls them, with their --json results. */
class PipelineCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out.lines().reduce((a, b) -> b).orElseThrow());
        }
    }

    private static Outcome cli(String... args) {
        CliRun run = CliRun.of(args);
        return new Outcome(run.exit(), run.out(), run.err());
    }

    private GeneratorTruth dump(Path file, int records) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            return new DumpGenerator(5, 0.04, 30).writeRecords(out, records);
        }
    }

    @Test
    void runReportsTheAccountingAndASecondUploadOfTheSameDumpIsAlreadyProcessed() throws Exception {
        Path file = dir.resolve("plant.ndjson");
        GeneratorTruth truth = dump(file, 3000);
        String data = dir.resolve("state").toString();

        Path contract = Path.of("..", "test-fixtures", "contracts", "default.yaml");
        Outcome first = cli("run", file.toString(), "--contract", contract.toString(), "--chunk", "128KiB", "--json",
                "--data-dir", data);
        assertThat(first.code()).as(first.err()).isZero();
        JsonNode r = first.json();
        assertThat(r.path("executionId").asText()).startsWith("arn:aws:states:");
        assertThat(r.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(r.path("outcome").asText()).isEqualTo("PROCESSED");
        assertThat(r.path("source").asText()).isEqualTo("s3://sensor-etl-source/incoming/plant.ndjson");
        assertThat(r.path("schemaVersion").asInt()).isEqualTo(1);
        // the default contract is long form: one reading per source record, so both counts agree here
        assertThat(r.path("sourceRecords").asLong()).isEqualTo(truth.records());
        assertThat(r.path("readings").asLong()).isEqualTo(truth.records());
        assertThat(r.has("records")).as("one name: readings").isFalse();
        assertThat(r.path("valid").asLong()).isEqualTo(truth.valid());
        assertThat(r.path("rejected").asLong()).isEqualTo(truth.rejected());
        Map<String, Long> byReason = new TreeMap<>();
        r.path("rejectedByReason").properties().forEach(e -> byReason.put(e.getKey(), e.getValue().asLong()));
        assertThat(byReason).isEqualTo(truth.rejectedByReason());
        assertThat(r.path("chunks").asInt()).isGreaterThan(1);
        assertThat(r.path("chunksDeadLettered").asInt()).isZero();
        assertThat(r.path("partitions")).hasSize(truth.partitions().size());
        assertThat(Path.of(r.path("partitions").get(0).path("path").asText())).isDirectory();

        Outcome second = cli("run", file.toString(), "--json", "--data-dir", data);
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.json().path("outcome").asText()).isEqualTo("ALREADY_PROCESSED");
        assertThat(second.json().path("runId").asText()).isEqualTo(r.path("runId").asText());

        Outcome dlq = cli("dlq", "list", "--json", "--data-dir", data);
        assertThat(dlq.code()).as(dlq.err()).isZero();
        assertThat(dlq.json().path("count").asInt()).isZero();
    }

    @Test
    void servePicksUpAnUploadUnderIncomingAndRunsIt() throws Exception {
        Path file = dir.resolve("upload.ndjson");
        GeneratorTruth truth = dump(file, 500);
        DataDir data = new DataDir(dir.resolve("served"));
        try (LocalServices stack = LocalServices.start(data, 0, 0)) {
            stack.s3().putObject(b -> b.bucket(DataDir.SOURCE_BUCKET).key("incoming/aws-cli/upload.ndjson"),
                    RequestBody.fromFile(file));
        }
        Outcome served = cli("serve", "--json", "--stop-after-runs", "1", "--poll-interval", "0.2", "--data-dir",
                data.root().toString());
        assertThat(served.code()).as(served.err()).isZero();
        JsonNode endpoints = JSON.readTree(served.out().lines().findFirst().orElseThrow());
        assertThat(endpoints.path("s3Endpoint").asText()).startsWith("http://127.0.0.1:");
        assertThat(endpoints.path("deadLetterQueueUrl").asText()).endsWith("/" + DataDir.DLQ_NAME);
        JsonNode run = served.json();
        assertThat(run.path("source").asText()).isEqualTo("s3://sensor-etl-source/incoming/aws-cli/upload.ndjson");
        assertThat(run.path("valid").asLong()).isEqualTo(truth.valid());
    }

    @Test
    void aPortInUseIsOneLineAndExitCode2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Outcome o = cli("dlq", "list", "--s3-port", String.valueOf(taken.getLocalPort()), "--data-dir",
                    dir.resolve("ports").toString());
            assertThat(o.code()).isEqualTo(2);
            assertThat(o.err().strip()).doesNotContain("\n")
                    .contains("127.0.0.1:" + taken.getLocalPort() + " is already in use");
        }
    }

    @Test
    void aMissingDumpOrABadContractIsNamedBeforeAnythingStarts() throws Exception {
        Outcome missing = cli("run", dir.resolve("nope.ndjson").toString(), "--data-dir", dir.resolve("x").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.ndjson").contains("no such file");

        Path file = dir.resolve("d.ndjson");
        dump(file, 10);
        Path contract = dir.resolve("bad.yaml");
        Files.writeString(contract, "format: [unclosed\n");
        Outcome bad = cli("run", file.toString(), "--contract", contract.toString(), "--data-dir", dir.resolve("x").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("bad.yaml");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void aWideContractsRunReportsSourceRecordsAndTheReadingsTheyBecameSeparately() throws Exception {
        Path csv = dir.resolve("air.csv");
        try (OutputStream out = Files.newOutputStream(csv)) {
            new AirQualityGenerator(3, 0).writeBytes(out, 20_000);
        }
        long rows = Files.readAllLines(csv).stream().skip(1).filter(l -> !l.isBlank()).count();
        Path contract = Path.of("..", "test-fixtures", "contracts", "airquality-uci.yaml");
        String data = dir.resolve("wide").toString();

        Outcome json = cli("run", csv.toString(), "--contract", contract.toString(), "--json", "--data-dir", data);
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode r = json.json();
        assertThat(r.path("sourceRecords").asLong()).isEqualTo(rows);
        // the UCI contract reads 13 measurement columns of each row: 13 candidate readings per source record
        assertThat(r.path("readings").asLong()).isEqualTo(13 * rows);
        assertThat(r.path("valid").asLong() + r.path("rejected").asLong()).isEqualTo(13 * rows);

        Outcome text = cli("run", csv.toString(), "--contract", contract.toString(), "--data-dir", dir.resolve("wide2").toString());
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains(String.format("%,d source record(s) -> %,d reading(s)", rows, 13 * rows));
    }

    @Test
    void aContractThatIsADirectoryIsNamedAsOne() throws Exception {
        Path file = dir.resolve("d.ndjson");
        dump(file, 10);
        Path contracts = Files.createDirectories(dir.resolve("contracts"));
        Outcome o = cli("run", file.toString(), "--contract", contracts.toString(), "--data-dir", dir.resolve("x").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip()).doesNotContain("\n").doesNotContain("does not exist")
                .contains(contracts.toString()).contains("is a directory").contains("YAML");
        Outcome missing = cli("run", file.toString(), "--contract", dir.resolve("nope.yaml").toString(), "--data-dir",
                dir.resolve("x").toString());
        assertThat(missing.err()).contains("nope.yaml").contains("does not exist");
        assertThat(dir.resolve("x")).doesNotExist();
    }
}
