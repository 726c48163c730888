package io.sensoretl.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.cli.SensorEtl;
import io.sensoretl.local.DataDir;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real dataset through the whole local runtime: {@code ./sensor-etl run --contract} (the production
 * state machine on the local engine, handlers in-process, embedded S3), then the shipped queries over
 * the partitions it registered, reconciled with the ledger entry the workflow wrote. Expected values
 * come from reading the file with plain Java ({@link RealDatasetsTest.AirQuality}).
 */
class WorkflowRunQueryTest {
    @TempDir
    Path dir;

    @Test
    void theUciFileRunByTheLocalWorkflowIsQueryableAndReconcilesWithItsLedger() throws Exception {
        Path csv = RealDatasetsTest.dataset("AirQualityUCI.csv");
        RealDatasetsTest.AirQuality expected = RealDatasetsTest.AirQuality.read(csv);
        Path contract = Path.of(System.getProperty("sensoretl.repo.root", "..")).resolve("test-fixtures/contracts/airquality-uci.yaml");
        String uploadFrom = LocalDate.now(ZoneOffset.UTC).toString();

        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = SensorEtl.execute("run", csv.toString(), "--contract", contract.toString(), "--data-dir", dir.toString(), "--json");
        } finally {
            System.setOut(stdout);
        }
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        String uploadTo = LocalDate.now(ZoneOffset.UTC).toString();

        try (LocalQueryEngine engine = new LocalQueryEngine(new DataDir(dir))) {
            QueryResult r = QueryRunner.run(engine, QueryFile.read(AthenaQueriesTest.QUERIES.resolve("reconciliation.sql")),
                    Map.of("from", "2004-03-01", "to", "2005-04-30", "rejects_from", uploadFrom, "rejects_to", uploadTo));
            long candidates = 13 * expected.dataRows();
            assertThat(r.rows()).hasSize(1);
            assertThat(r.rows().get(0).subList(1, 11)).containsExactly(
                    "s3://" + DataDir.SOURCE_BUCKET + "/incoming/AirQualityUCI.csv", "SUCCEEDED",
                    candidates, expected.valid(), expected.missing(), expected.valid(), expected.missing(), 0L, 0L, "OK");
            assertThat(engine.visiblePartitions()).containsEntry("readings", (int) expected.partitions()).containsEntry("rejects", 1);

            QueryResult daily = QueryRunner.run(engine, QueryFile.read(AthenaQueriesTest.QUERIES.resolve("daily_aggregates.sql")),
                    Map.of("from", "2004-03-01", "to", "2005-04-30"));
            AthenaQueriesTest.assertRows(daily, AthenaQueriesTest.aggregates(expected.groups()));
        }
    }
}
