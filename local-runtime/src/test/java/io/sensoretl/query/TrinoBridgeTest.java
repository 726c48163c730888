package io.sensoretl.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.local.DataDir;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bridged functions give Trino's answers (values from the Trino documentation's semantics). */
class TrinoBridgeTest {
    @TempDir
    Path dir;

    private List<Object> row(String sql) {
        try (LocalQueryEngine e = new LocalQueryEngine(new DataDir(dir))) {
            return QueryRunner.run(e, QueryFile.parse(new QuerySource("<test>", sql)), Map.of()).rows().get(0);
        }
    }

    @Test
    void trinoFunctionNamesAndMeaningsWorkLocally() {
        assertThat(row("""
                SELECT
                  date_diff('minute', TIMESTAMP '2024-01-01 00:00:59', TIMESTAMP '2024-01-01 00:01:00'),
                  date_diff('hour', TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-01-01 05:59:59'),
                  date_add('hour', 3, TIMESTAMP '2024-01-01 22:00:00'),
                  to_unixtime(TIMESTAMP '2024-01-01 00:00:00.250'),
                  from_unixtime(1704067200.5),
                  from_iso8601_timestamp('2024-01-01T01:00:00+01:00'),
                  date_trunc('hour', TIMESTAMP '2024-01-01 10:11:12'),
                  7 / 2, -7 / 2, 7.0 / 2
                """)).containsExactly(0L, 5L, LocalDateTime.parse("2024-01-02T01:00"), 1704067200.25,
                LocalDateTime.parse("2024-01-01T00:00:00.500"), LocalDateTime.parse("2024-01-01T00:00"),
                LocalDateTime.parse("2024-01-01T10:00"), 3, -3, 3.5);
    }

    @Test
    void approxPercentileIsTheNearestRankAndApproxDistinctCounts() {
        assertThat(row("SELECT approx_percentile(v, 0.5), approx_percentile(v, 0.95), approx_percentile(v, 0.0), approx_distinct(v % 7) "
                + "FROM range(1, 101) t(v)")).containsExactly(50L, 95L, 1L, 7L);
    }

    @Test
    void anErrorDeepInALongLineIsPositionedAlthoughDuckDbShowsOnlyAWindowOfIt() {
        String line = "SELECT 1 AS " + "a".repeat(60) + ", 2 AS " + "b".repeat(60) + ", nosuch, 4 AS " + "d".repeat(80);
        QueryFile f = QueryFile.parse(new QuerySource("long.sql", "-- header\n" + line));
        try (LocalQueryEngine e = new LocalQueryEngine(new DataDir(dir))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> QueryRunner.run(e, f, Map.of()))
                    .isInstanceOf(QueryException.class)
                    .hasMessageStartingWith("long.sql:2:" + (line.indexOf("nosuch") + 1) + ": Binder Error");
        }
    }

    @Test
    void anEmptyDataDirHasTheThreeTablesWithTheirColumnsAndNoRows() {
        try (LocalQueryEngine e = new LocalQueryEngine(new DataDir(dir))) {
            for (String t : List.of("readings", "rejects", "runs")) {
                QueryResult r = QueryRunner.run(e, QueryFile.parse(new QuerySource("<test>", "SELECT * FROM " + t)), Map.of());
                assertThat(r.rows()).as(t).isEmpty();
                assertThat(r.columns()).as(t).isNotEmpty();
            }
            QueryResult readings = QueryRunner.run(e, QueryFile.parse(new QuerySource("<test>", "SELECT * FROM readings")), Map.of());
            assertThat(readings.columns()).containsExactly("sensor_id", "ts", "metric", "value", "unit", "lat", "lon",
                    "attributes", "source_key", "run_id", "dt");
            assertThat(readings.types()).containsExactly("varchar", "timestamp", "varchar", "double", "varchar", "double",
                    "double", "map(varchar, varchar)", "varchar", "varchar", "varchar");
        }
    }
}
