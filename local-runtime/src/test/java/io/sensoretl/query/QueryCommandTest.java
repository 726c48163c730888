package io.sensoretl.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.cli.JsonOutput;
import io.sensoretl.cli.SensorEtl;
import io.sensoretl.contract.ContractLoader;
import io.sensoretl.generate.DumpGenerator;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./sensor-etl query as a user runs it: arguments in, formatted rows or a one-line error out. */
class QueryCommandTest {
    @TempDir
    static Path dir;

    private static Path dataDir;
    private static long valid;

    private String out;
    private String err;

    @BeforeAll
    static void ingest() throws Exception {
        CuratedDataDir data = new CuratedDataDir(dir.resolve("data"));
        Path dump = dir.resolve("d.ndjson");
        try (OutputStream o = Files.newOutputStream(dump)) {
            valid = new DumpGenerator(5, 0.05, 20, Instant.parse("2024-03-01T00:00:00Z"), Duration.ofMinutes(2))
                    .writeRecords(o, 2_000).valid();
        }
        data.ingest(ContractLoader.defaultContract(), dump, "incoming/d.ndjson", "e", "2024-03-05", 0);
        dataDir = data.dataDir.root();
    }

    private int run(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            return SensorEtl.execute(args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            out = o.toString(StandardCharsets.UTF_8);
            err = e.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void aQueryFileWithParametersPrintsCsvTableOrJson() throws Exception {
        String file = AthenaQueriesTest.QUERIES.resolve("latest_reading.sql").toString();
        assertThat(run("query", file, "--param", "from=2024-03-01", "--param", "to=2024-03-03", "--data-dir", dataDir.toString(),
                "--format", "csv")).as(err).isZero();
        String[] lines = out.split("\r\n");
        assertThat(lines[0]).isEqualTo("sensor_id,metric,ts,value,unit,dt");
        // 20 sensors and 5 metrics in rotation: each sensor reports one metric
        assertThat(lines).hasSize(1 + 20);
        assertThat(lines[1]).matches("sensor-0000,[a-z0-9]+,2024-03-03 \\d\\d:\\d\\d:00\\.000,[0-9.]+,[^,]+,2024-03-03");

        assertThat(run("query", "SELECT count(*) AS n, min(dt) AS first_day FROM readings", "--data-dir", dataDir.toString()))
                .isZero();
        assertThat(out).isEqualTo("n    | first_day\n-----+-----------\n" + String.format("%4d", valid) + " | 2024-03-01\n(1 row)\n");
        assertThat(err).contains("local (DuckDB)").contains("readings=3");

        assertThat(run("query", "SELECT count(*) AS n FROM rejects", "--data-dir", dataDir.toString(), "--json")).isZero();
        JsonNode doc = JsonOutput.mapper().readTree(out);
        assertThat(doc.path("columns").get(0).path("name").asText()).isEqualTo("n");
        assertThat(doc.path("rows").get(0).path("n").asLong()).isEqualTo(2_000 - valid);
        assertThat(doc.path("statistics").path("engine").asText()).isEqualTo("local");
    }

    @Test
    void badInputIsAOneLineUserErrorWithThePosition() {
        assertThat(run("query", "SELECT count(*)\nFROM readingz", "--data-dir", dataDir.toString())).isEqualTo(2);
        assertThat(err).startsWith("sensor-etl query: <inline>:2:6: Catalog Error: Table with name readingz does not exist!")
                .contains(" 2 | FROM readingz\n   |      ^");

        assertThat(run("query", "no/such/query.sql", "--data-dir", dataDir.toString())).isEqualTo(2);
        assertThat(err).isEqualTo("sensor-etl query: no such query file: no/such/query.sql\n");

        assertThat(run("query", "SELECT 1", "--on", "athena")).isEqualTo(2);
        assertThat(err).contains("--on athena needs --workgroup");

        assertThat(run("query", "SELECT 1", "--data-dir", dir.resolve("nothing-here").toString())).isEqualTo(2);
        assertThat(err).contains("no local data in");
    }

    @Test
    void onAthenaTheSameFileRunsThroughTheSdkAgainstTheGivenEndpoint() throws Exception {
        try (AthenaStub stub = new AthenaStub()) {
            stub.answer("StartQueryExecution", "{\"QueryExecutionId\":\"q-9\"}").state("q-9", "SUCCEEDED")
                    .answer("GetQueryResults", "{\"ResultSet\":{\"ResultSetMetadata\":{\"ColumnInfo\":[{\"Name\":\"n\",\"Type\":\"bigint\"}]},"
                            + "\"Rows\":[{\"Data\":[{\"VarCharValue\":\"n\"}]},{\"Data\":[{\"VarCharValue\":\"42\"}]}]}}");
            System.setProperty("aws.accessKeyId", "test");
            System.setProperty("aws.secretAccessKey", "test");
            try {
                assertThat(run("query", "SELECT count(*) AS n FROM readings WHERE dt = '2024-03-01'", "--on", "athena",
                        "--workgroup", "wg", "--database", "sensors", "--region", "eu-west-1",
                        "--endpoint-url", stub.endpoint().toString(), "--format", "csv")).as(err).isZero();
            } finally {
                System.clearProperty("aws.accessKeyId");
                System.clearProperty("aws.secretAccessKey");
            }
            assertThat(out).isEqualTo("n\r\n42\r\n");
            assertThat(stub.calls().get(0).body().path("WorkGroup").asText()).isEqualTo("wg");
            assertThat(stub.calls().get(0).body().path("QueryExecutionContext").path("Database").asText()).isEqualTo("sensors");
        }
    }
}
