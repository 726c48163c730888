package io.sensoretl.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.contract.Contract;
import io.sensoretl.contract.ContractLoader;
import io.sensoretl.local.DataDir;
import io.sensoretl.transform.ChunkStats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real public datasets from ../shared/datasets go through transform, compaction, registration and
 * the shipped queries, with every row accounted for. The expected values are computed here by
 * reading the file with plain Java, independently of the contract machinery. Skipped (with the
 * reason) when ../shared is not beside the repository.
 */
class RealDatasetsTest {
    private static final Path REPO = Path.of(System.getProperty("sensoretl.repo.root", ".."));
    /** ../shared beside the repository, or -Dsensoretl.shared / SENSOR_ETL_SHARED for checkouts elsewhere (git worktrees). */
    private static final Path DATASETS = shared().resolve("datasets").normalize();

    private static Path shared() {
        String property = System.getProperty("sensoretl.shared");
        String env = System.getenv("SENSOR_ETL_SHARED");
        return property != null && !property.isBlank() ? Path.of(property)
                : env != null && !env.isBlank() ? Path.of(env) : REPO.resolve("../shared");
    }
    /** The 13 measurement columns of AirQualityUCI.csv, in file order, as the contract names them. */
    private static final List<String[]> AIRQUALITY_COLUMNS = List.of(
            new String[] {"co", "mg/m3"}, new String[] {"pt08_s1_co", "raw"}, new String[] {"nmhc", "ug/m3"},
            new String[] {"benzene", "ug/m3"}, new String[] {"pt08_s2_nmhc", "raw"}, new String[] {"nox", "ppb"},
            new String[] {"pt08_s3_nox", "raw"}, new String[] {"no2", "ug/m3"}, new String[] {"pt08_s4_no2", "raw"},
            new String[] {"pt08_s5_o3", "raw"}, new String[] {"temperature", "degC"}, new String[] {"humidity", "%"},
            new String[] {"absolute_humidity", "g/m3"});
    private static final String STATION = "uci-airquality-station";

    @TempDir
    Path dir;

    /**
     * What AirQualityUCI.csv holds, read with plain Java (CRLF lines, ';' fields, decimal commas,
     * -200 = missing, UTC+1 local time), independently of the contract machinery.
     *
     * @param groups per (UTC day, station, metric, unit): the values that must be curated
     */
    record AirQuality(long dataRows, long blankRows, long valid, long missing, Map<List<Object>, List<Double>> groups) {
        static AirQuality read(Path csv) throws java.io.IOException {
            String[] lines = new String(Files.readAllBytes(csv), StandardCharsets.UTF_8).split("\r\n", -1);
            DateTimeFormatter local = DateTimeFormatter.ofPattern("dd/MM/yyyy HH.mm.ss");
            Map<List<Object>, List<Double>> groups = new TreeMap<>(AthenaQueriesTest.KEY_ORDER);
            long dataRows = 0;
            long blankRows = 0;
            long missing = 0;
            long valid = 0;
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isEmpty()) {
                    continue;
                }
                String[] f = lines[i].split(";", -1);
                boolean blank = true;
                for (int c = 0; c < 15; c++) {
                    blank &= f[c].isBlank();
                }
                if (blank) {
                    blankRows++;
                    continue;
                }
                dataRows++;
                LocalDateTime utc = LocalDateTime.parse(f[0] + " " + f[1], local).minusHours(1);
                for (int c = 0; c < 13; c++) {
                    double v = Double.parseDouble(f[c + 2].replace(',', '.'));
                    if (v == -200) {
                        missing++;
                    } else {
                        valid++;
                        groups.computeIfAbsent(List.of(utc.toLocalDate().toString(), STATION, AIRQUALITY_COLUMNS.get(c)[0],
                                AIRQUALITY_COLUMNS.get(c)[1]), k -> new ArrayList<>()).add(v);
                    }
                }
            }
            return new AirQuality(dataRows, blankRows, valid, missing, groups);
        }

        long partitions() {
            return groups.keySet().stream().map(k -> k.get(0)).distinct().count();
        }
    }

    static Path dataset(String name) {
        Path p = DATASETS.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(p), "real-dataset test skipped: " + p + " not found (../shared/datasets, or "
                + "-Dsensoretl.shared=<dir>, is optional)");
        return p;
    }

    @Test
    void uciAirQualityBecomesOneReadingPerStationMetricAndHourWithEveryRowAccountedFor() throws Exception {
        Path csv = dataset("AirQualityUCI.csv");
        Contract contract = ContractLoader.load(REPO.resolve("test-fixtures/contracts/airquality-uci.yaml"));

        AirQuality expected = AirQuality.read(csv);
        assertThat(expected.dataRows()).as("the README's count of readings rows").isEqualTo(9_357);
        assertThat(expected.blankRows()).as("separator-only trailing rows").isEqualTo(114);
        long dataRows = expected.dataRows();
        long valid = expected.valid();
        long missing = expected.missing();
        Map<List<Object>, List<Double>> groups = expected.groups();

        CuratedDataDir data = new CuratedDataDir(dir.resolve("data"));
        CuratedDataDir.Run run = data.ingest(contract, csv, "incoming/AirQualityUCI.csv", "etag-uci", "2024-06-01", 0);
        ChunkStats stats = run.stats();
        assertThat(stats.sourceRecords()).as("every data row is a record; blank rows are not").isEqualTo(dataRows);
        assertThat(stats.records()).as("13 candidate readings per row").isEqualTo(13 * dataRows);
        assertThat(stats.valid()).isEqualTo(valid);
        assertThat(stats.rejectedByReason()).as("every candidate not curated is rejected with a reason")
                .isEqualTo(Map.of("missing_value", missing));
        assertThat(stats.bytes()).isEqualTo(Files.size(csv));

        try (LocalQueryEngine engine = new LocalQueryEngine(data.dataDir)) {
            QueryResult daily = QueryRunner.run(engine, QueryFile.read(AthenaQueriesTest.QUERIES.resolve("daily_aggregates.sql")),
                    Map.of("from", "2004-03-01", "to", "2005-04-30"));
            AthenaQueriesTest.assertRows(daily, AthenaQueriesTest.aggregates(groups));

            QueryResult rejects = QueryRunner.run(engine, QueryFile.read(AthenaQueriesTest.QUERIES.resolve("rejects_by_reason.sql")),
                    Map.of("from", "2024-06-01", "to", "2024-06-01"));
            assertThat(rejects.rows()).hasSize(1);
            assertThat(rejects.rows().get(0).subList(0, 5)).containsExactly("2024-06-01",
                    "s3://" + DataDir.SOURCE_BUCKET + "/incoming/AirQualityUCI.csv", "missing_value", missing, 100.0);

            QueryResult reconciliation = QueryRunner.run(engine, QueryFile.read(AthenaQueriesTest.QUERIES.resolve("reconciliation.sql")),
                    Map.of("from", "2004-03-01", "to", "2005-04-30", "rejects_from", "2024-06-01", "rejects_to", "2024-06-01"));
            assertThat(reconciliation.rows()).hasSize(1);
            assertThat(reconciliation.rows().get(0).get(10)).isEqualTo("OK");

            // the first row of the file: 10/03/2004 18.00.00 local (UTC+1), CO(GT) "2,6"
            QueryResult first = QueryRunner.run(engine, QueryFile.parse(new QuerySource("<test>",
                    "SELECT value, unit FROM readings WHERE dt = '2004-03-10' AND metric = 'co' AND ts = TIMESTAMP '2004-03-10 17:00:00'")),
                    Map.of());
            assertThat(first.rows()).containsExactly(List.of(2.6, "mg/m3"));
        }
    }
}
