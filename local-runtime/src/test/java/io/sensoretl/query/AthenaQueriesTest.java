package io.sensoretl.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.sensoretl.catalog.CuratedTables;
import io.sensoretl.catalog.PartitionSwitch;
import io.sensoretl.contract.ContractLoader;
import io.sensoretl.generate.DumpGenerator;
import io.sensoretl.generate.DumpGenerator.GeneratedReading;
import io.sensoretl.generate.GeneratorTruth;
import io.sensoretl.local.DataDir;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every query shipped in athena-queries/queries runs on the local engine over a generated dataset
 * that went through transform, compaction and registration, and its answer is checked against
 * values computed here from the generator's own record of what it wrote, never from the Parquet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AthenaQueriesTest {
    static final Path QUERIES = Path.of(System.getProperty("sensoretl.repo.root", "..")).resolve("athena-queries/queries");
    private static final String FROM = "2024-03-02";
    private static final String TO = "2024-03-04";
    private static final String SOURCE_A = "s3://" + DataDir.SOURCE_BUCKET + "/incoming/a.ndjson";

    @TempDir
    static Path dir;

    private CuratedDataDir data;
    private final List<GeneratedReading> written = new ArrayList<>();
    private GeneratorTruth truthA;
    private GeneratorTruth truthB;
    private CuratedDataDir.Run runA;
    private CuratedDataDir.Run runB;
    private LocalQueryEngine engine;

    /** What each query file must answer; a query file without an entry here fails the test. */
    private final Map<String, BiConsumer<QueryFile, Map<String, String>>> checks = Map.of(
            "daily_aggregates.sql", (f, p) -> checkDaily(f),
            "hourly_aggregates.sql", (f, p) -> checkHourly(f),
            "latest_reading.sql", (f, p) -> checkLatest(f),
            "gaps.sql", (f, p) -> checkGaps(f),
            "out_of_band.sql", (f, p) -> checkOutOfBand(f),
            "rejects_by_reason.sql", (f, p) -> checkRejects(f),
            "reconciliation.sql", (f, p) -> checkReconciliation(f));

    @BeforeAll
    void ingestTwoGeneratedDumps() throws IOException {
        data = new CuratedDataDir(dir.resolve("data"));
        // A: 13 sensors, one record a minute, 5.5 days from March 1st
        Path a = dir.resolve("a.ndjson");
        try (OutputStream out = Files.newOutputStream(a)) {
            truthA = new DumpGenerator(11, 0.15, 13, Instant.parse("2024-03-01T00:00:00Z"), Duration.ofMinutes(1))
                    .onValid(written::add).writeRecords(out, 8_000);
        }
        // B: 17 sensors (four only in B, so they fall silent when B ends), half a minute after A's records
        Path b = dir.resolve("b.ndjson");
        try (OutputStream out = Files.newOutputStream(b)) {
            truthB = new DumpGenerator(12, 0.15, 17, Instant.parse("2024-03-03T12:00:30Z"), Duration.ofMinutes(1))
                    .onValid(written::add).writeRecords(out, 1_500);
        }
        runA = data.ingest(ContractLoader.defaultContract(), a, "incoming/a.ndjson", "etag-a", "2024-03-07", 0);
        // the ledger of B claims five readings more than B produced: reconciliation must say so
        runB = data.ingest(ContractLoader.defaultContract(), b, "incoming/b.ndjson", "etag-b", "2024-03-08", 5);
        assertThat(runA.stats().valid()).isEqualTo(truthA.valid());
        assertThat(runB.stats().valid()).isEqualTo(truthB.valid());
        engine = new LocalQueryEngine(data.dataDir);
    }

    @AfterAll
    void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    static Stream<String> queryFiles() throws IOException {
        try (Stream<Path> files = Files.list(QUERIES)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
            assertThat(names).as("query files in " + QUERIES).isNotEmpty();
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("queryFiles")
    void everyShippedQueryRunsLocallyAndAnswersWhatTheGeneratorWrote(String name) {
        QueryFile file = QueryFile.read(QUERIES.resolve(name));
        assertThat(file.source().text()).as(name + " starts with a header comment saying what it answers")
                .startsWith("-- ").contains("Answers:");
        var check = checks.get(name);
        if (check == null) {
            fail(name + " has no checked answer in " + getClass().getSimpleName() + ": add one");
        }
        check.accept(file, Map.of());
    }

    // ---- daily and hourly aggregates ------------------------------------------------------------

    private void checkDaily(QueryFile file) {
        QueryResult r = run(file, Map.of("from", FROM, "to", TO));
        assertThat(r.columns()).containsExactly("dt", "sensor_id", "metric", "unit", "readings", "min_value", "max_value",
                "avg_value", "p50", "p95");
        Map<List<Object>, List<Double>> groups = new TreeMap<>(KEY_ORDER);
        for (GeneratedReading g : inWindow()) {
            groups.computeIfAbsent(List.of(day(g).toString(), g.sensorId(), g.metric(), g.unit()), k -> new ArrayList<>()).add(g.value());
        }
        assertRows(r, aggregates(groups));
        assertThat(r.rows().stream().map(row -> row.get(0)).distinct()).containsExactly("2024-03-02", "2024-03-03", "2024-03-04");
    }

    private void checkHourly(QueryFile file) {
        QueryResult r = run(file, Map.of("from", FROM, "to", TO, "sensor", "sensor-000%"));
        Map<List<Object>, List<Double>> groups = new TreeMap<>(KEY_ORDER);
        for (GeneratedReading g : inWindow()) {
            if (g.sensorId().startsWith("sensor-000")) {
                groups.computeIfAbsent(List.of(time(g).truncatedTo(ChronoUnit.HOURS), g.sensorId(), g.metric(), g.unit()),
                        k -> new ArrayList<>()).add(g.value());
            }
        }
        assertRows(r, aggregates(groups));
        assertThat(r.rows()).hasSizeGreaterThan(500);
    }

    static List<List<Object>> aggregates(Map<List<Object>, List<Double>> groups) {
        List<List<Object>> expected = new ArrayList<>();
        groups.forEach((key, values) -> {
            List<Double> sorted = values.stream().sorted().toList();
            double sum = 0;
            for (double v : values) {
                sum += v;
            }
            List<Object> row = new ArrayList<>(key);
            row.addAll(List.of((long) values.size(), sorted.get(0), sorted.get(sorted.size() - 1), sum / values.size(),
                    nearestRank(sorted, 0.5), nearestRank(sorted, 0.95)));
            expected.add(row);
        });
        return expected;
    }

    /** The nearest-rank percentile the local engine computes for approx_percentile: rank ceil(p * n). */
    private static double nearestRank(List<Double> sorted, double p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }

    // ---- latest, gaps, out of band --------------------------------------------------------------

    private void checkLatest(QueryFile file) {
        QueryResult r = run(file, Map.of("from", FROM, "to", TO));
        Map<List<Object>, GeneratedReading> newest = new TreeMap<>(KEY_ORDER);
        for (GeneratedReading g : inWindow()) {
            newest.merge(List.of(g.sensorId(), g.metric()), g, (x, y) -> x.tsMicros() >= y.tsMicros() ? x : y);
        }
        List<List<Object>> expected = new ArrayList<>();
        newest.forEach((k, g) -> expected.add(List.of(g.sensorId(), g.metric(), time(g), g.value(), g.unit(), day(g).toString())));
        assertRows(r, expected);
        assertThat(expected).hasSize(17 * 5);
    }

    private void checkGaps(QueryFile file) {
        QueryResult r = run(file, Map.of("from", FROM, "to", TO, "max_silence_minutes", "30"));
        Map<String, java.util.TreeSet<Long>> seen = new TreeMap<>();
        long newest = Long.MIN_VALUE;
        for (GeneratedReading g : inWindow()) {
            seen.computeIfAbsent(g.sensorId(), k -> new java.util.TreeSet<>()).add(g.tsMicros());
            newest = Math.max(newest, g.tsMicros());
        }
        List<List<Object>> expected = new ArrayList<>();
        long limit = 30 * 60_000_000L;
        for (var e : seen.entrySet()) {
            Long previous = null;
            for (long ts : e.getValue()) {
                if (previous != null && ts - previous > limit) {
                    expected.add(gap(e.getKey(), previous, ts, false));
                }
                previous = ts;
            }
            if (newest - previous > limit) {
                expected.add(gap(e.getKey(), previous, newest, true));
            }
        }
        assertRows(r, expected);
        assertThat(expected).as("the data has gaps of both kinds")
                .anyMatch(row -> row.get(4).equals(false)).anyMatch(row -> row.get(4).equals(true));
    }

    private static List<Object> gap(String sensor, long from, long until, boolean stillSilent) {
        double minutes = Math.round((until - from) / 60_000_000.0 * 100) / 100.0;
        return List.of(sensor, time(from), time(until), minutes, stillSilent);
    }

    private void checkOutOfBand(QueryFile file) {
        QueryResult r = run(file, Map.of("from", FROM, "to", TO, "metric", "temperature", "low", "15", "high", "27.5"));
        List<List<Object>> expected = new ArrayList<>();
        inWindow().stream()
                .filter(g -> g.metric().equals("temperature") && (g.value() < 15 || g.value() > 27.5))
                .sorted(Comparator.comparingLong(GeneratedReading::tsMicros).thenComparing(GeneratedReading::sensorId))
                .forEach(g -> expected.add(List.of(day(g).toString(), g.sensorId(), time(g), g.metric(), g.value(), g.unit(),
                        g.value() < 15 ? "below" : "above")));
        assertRows(r, expected);
        assertThat(expected).hasSizeGreaterThan(100);
    }

    // ---- rejects and reconciliation -------------------------------------------------------------

    private void checkRejects(QueryFile file) {
        QueryResult r = run(file, Map.of("from", "2024-03-07", "to", "2024-03-07"));
        List<List<Object>> expected = new ArrayList<>();
        truthA.rejectedByReason().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> expected.add(List.of("2024-03-07", SOURCE_A, e.getKey(), e.getValue(),
                        Math.round(100.0 * e.getValue() / truthA.rejected() * 100) / 100.0)));
        List<List<Object>> actual = r.rows().stream().map(row -> row.subList(0, 5)).toList();
        assertRows(actual, expected);
        assertThat(r.rows()).allSatisfy(row -> assertThat((String) row.get(5)).isNotBlank());
        assertThat(expected).hasSize(14);
    }

    private void checkReconciliation(QueryFile file) {
        QueryResult r = run(file, Map.of("from", "2024-03-01", "to", "2024-03-10", "rejects_from", "2024-03-07",
                "rejects_to", "2024-03-08"));
        List<List<Object>> expected = new ArrayList<>();
        for (var run : Stream.of(runA, runB).sorted(Comparator.comparing(CuratedDataDir.Run::runId)).toList()) {
            GeneratorTruth t = run == runA ? truthA : truthB;
            long skew = run == runA ? 0 : 5;
            expected.add(List.of(run.runId(), "s3://" + DataDir.SOURCE_BUCKET + "/" + run.key().key(), "SUCCEEDED",
                    t.records(), t.valid() + skew, t.rejected(), t.valid(), t.rejected(), -skew, 0L,
                    skew == 0 ? "OK" : "MISMATCH"));
        }
        assertRows(r, expected);
    }

    // ---- visibility and errors ------------------------------------------------------------------

    @Test
    void aPartitionWrittenButNotRegisteredIsInvisibleUntilTheCatalogPointsAtIt() throws Exception {
        Path part = data.curatedFiles("2024-03-02").get(0);
        String key = "curated/readings/dt=2024-03-20/v=manual/part-00000.parquet";
        Path copy = data.dataDir.object(DataDir.DATA_BUCKET, key);
        Files.createDirectories(copy.getParent());
        Files.copy(part, copy);
        long partRows = count(new LocalQueryEngine(data.dataDir), "SELECT count(*) FROM readings WHERE dt = '2024-03-02'");

        try (LocalQueryEngine before = new LocalQueryEngine(data.dataDir)) {
            assertThat(count(before, "SELECT count(*) FROM readings WHERE dt = '2024-03-20'")).isZero();
            assertThat(count(before, "SELECT count(*) FROM readings")).isEqualTo(truthA.valid() + truthB.valid());
        }
        data.catalog().switchPartitions(CuratedTables.READINGS, List.of(PartitionSwitch.add("2024-03-20",
                "s3://" + DataDir.DATA_BUCKET + "/curated/readings/dt=2024-03-20/v=manual/", Map.of())));
        try (LocalQueryEngine after = new LocalQueryEngine(data.dataDir)) {
            assertThat(count(after, "SELECT count(*) FROM readings WHERE dt = '2024-03-20'")).isEqualTo(partRows).isPositive();
        }
        data.catalog().switchPartitions(CuratedTables.READINGS, List.of(new PartitionSwitch("2024-03-20",
                "s3://" + DataDir.DATA_BUCKET + "/curated/readings/dt=2024-03-20/v=manual/",
                "s3://" + DataDir.DATA_BUCKET + "/curated/readings/dt=2024-03-20/v=empty/", Map.of())));
    }

    @Test
    void anEngineErrorPointsAtTheLineAndColumnOfTheQueryFileEvenAfterAParameterOnTheSameLine() {
        QueryFile file = QueryFile.parse(new QuerySource("broken.sql", """
                -- @param from date first day
                SELECT sensor_id
                FROM readings WHERE dt >= ${from} AND nosuch_column > 1
                """));
        assertThatThrownBy(() -> QueryRunner.run(engine, file, Map.of("from", "2024-03-02")))
                .isInstanceOf(QueryException.class)
                .hasMessageStartingWith("broken.sql:3:39: Binder Error: Referenced column \"nosuch_column\" not found")
                .hasMessageEndingWith("\n 3 | FROM readings WHERE dt >= ${from} AND nosuch_column > 1\n   | "
                        + " ".repeat(38) + "^");

        QueryFile syntax = QueryFile.parse(new QuerySource("syntax.sql", "SELECT count(*)\nFROMM readings"));
        assertThatThrownBy(() -> QueryRunner.run(engine, syntax, Map.of()))
                .hasMessageStartingWith("syntax.sql:2:7: Parser Error: syntax error at or near \"readings\"");
    }

    @Test
    void aMissingOrMalformedParameterIsAUserErrorNamingIt() {
        QueryFile daily = QueryFile.read(QUERIES.resolve("daily_aggregates.sql"));
        assertThatThrownBy(() -> QueryRunner.run(engine, daily, Map.of("from", FROM)))
                .hasMessageContaining("missing --param to=<date>");
        assertThatThrownBy(() -> QueryRunner.run(engine, daily, Map.of("from", "03/02/2024", "to", TO)))
                .hasMessageContaining("--param from=03/02/2024: expected a day as YYYY-MM-DD");
        assertThatThrownBy(() -> QueryRunner.run(engine, daily, Map.of("from", FROM, "to", TO, "limit", "3")))
                .hasMessageContaining("unknown parameter --param limit; the query declares [from, to]");
    }

    // ---- helpers --------------------------------------------------------------------------------

    private QueryResult run(QueryFile file, Map<String, String> params) {
        return QueryRunner.run(engine, file, params);
    }

    private static long count(LocalQueryEngine e, String sql) {
        QueryResult r = QueryRunner.run(e, QueryFile.parse(new QuerySource("<test>", sql)), Map.of());
        return ((Number) r.rows().get(0).get(0)).longValue();
    }

    private List<GeneratedReading> inWindow() {
        LocalDate from = LocalDate.parse(FROM);
        LocalDate to = LocalDate.parse(TO);
        return written.stream().filter(g -> !day(g).isBefore(from) && !day(g).isAfter(to)).toList();
    }

    private static LocalDate day(GeneratedReading g) {
        return time(g).toLocalDate();
    }

    private static LocalDateTime time(GeneratedReading g) {
        return time(g.tsMicros());
    }

    private static LocalDateTime time(long micros) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), (int) Math.floorMod(micros, 1_000_000L) * 1000,
                ZoneOffset.UTC);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Comparator<List<Object>> KEY_ORDER = (x, y) -> {
        for (int i = 0; i < x.size(); i++) {
            int c = ((Comparable) x.get(i)).compareTo(y.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    static void assertRows(QueryResult result, List<List<Object>> expected) {
        assertRows(result.rows(), expected);
    }

    /** Row by row, in order; numbers compare as numbers (doubles to 1e-9 relative), everything else by equality. */
    static void assertRows(List<List<Object>> actual, List<List<Object>> expected) {
        Map<Integer, String> mismatches = new HashMap<>();
        for (int i = 0; i < Math.min(actual.size(), expected.size()) && mismatches.size() < 5; i++) {
            List<Object> a = actual.get(i);
            List<Object> e = expected.get(i);
            if (a.size() != e.size()) {
                mismatches.put(i, "row " + i + ": " + a + " has " + a.size() + " columns, expected " + e);
                continue;
            }
            for (int c = 0; c < a.size(); c++) {
                if (!same(a.get(c), e.get(c))) {
                    mismatches.put(i, "row " + i + " column " + c + ": found " + a + ", expected " + e);
                    break;
                }
            }
        }
        assertThat(mismatches).as("rows that differ").isEmpty();
        assertThat(actual).as("row count").hasSameSizeAs(expected);
        assertThat(expected).as("the check compares something").isNotEmpty();
    }

    private static boolean same(Object a, Object e) {
        if (a instanceof Number x && e instanceof Number y) {
            if (e instanceof Double || a instanceof Double || a instanceof java.math.BigDecimal) {
                double dx = x.doubleValue();
                double dy = y.doubleValue();
                return Math.abs(dx - dy) <= 1e-9 * Math.max(1, Math.abs(dy));
            }
            return x.longValue() == y.longValue();
        }
        return java.util.Objects.equals(a, e);
    }
}
