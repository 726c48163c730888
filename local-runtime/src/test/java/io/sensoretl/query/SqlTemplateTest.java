package io.sensoretl.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlTemplateTest {

    private static QueryFile file(String text) {
        return QueryFile.parse(new QuerySource("q.sql", text));
    }

    @Test
    void eachTypeRendersAsALiteralThatMeansTheSameInTrinoAndDuckDb() {
        QueryFile f = file("""
                -- @param day date first day
                -- @param name string = sensor-1 a sensor
                -- @param n integer = 30 minutes
                -- @param x number band edge
                -- @param at timestamp a moment
                SELECT ${day}, ${name}, ${n}, ${x}, ${at};
                """);
        String sql = SqlTemplate.render(f, Map.of("day", "2024-03-01", "name", "o'brien", "x", "27.5",
                "at", "2024-03-01T11:00:00+01:00")).sql();
        assertThat(sql).endsWith("SELECT '2024-03-01', 'o''brien', 30, 27.5E0, TIMESTAMP '2024-03-01 10:00:00.000'");
        assertThat(SqlTemplate.render(f, Map.of("day", "2024-03-01", "x", "-3", "at", "2024-03-01 10:00")).sql())
                .endsWith("SELECT '2024-03-01', 'sensor-1', 30, -3E0, TIMESTAMP '2024-03-01 10:00:00.000'");
    }

    @Test
    void aValueThatIsNotOfItsTypeIsRefusedNotPasted() {
        QueryFile f = file("-- @param n integer count\n-- @param x number edge\nSELECT ${n}, ${x}");
        assertThatThrownBy(() -> SqlTemplate.render(f, Map.of("n", "1; DROP TABLE readings", "x", "1")))
                .hasMessage("q.sql: --param n=1; DROP TABLE readings: expected a whole number, e.g. 30");
        assertThatThrownBy(() -> SqlTemplate.render(f, Map.of("n", "1", "x", "1 OR 1=1")))
                .hasMessage("q.sql: --param x=1 OR 1=1: expected a number, e.g. 27.5 or -3");
    }

    @Test
    void placeholdersInCommentsAreLeftAloneAndOnesInStringsOrUndeclaredArePositionedErrors() {
        QueryFile f = file("-- @param d date day\n-- uses ${d} and ${other} in a comment\nSELECT ${d} /* ${nope} */");
        assertThat(SqlTemplate.render(f, Map.of("d", "2024-03-01")).sql()).endsWith("SELECT '2024-03-01' /* ${nope} */");

        assertThatThrownBy(() -> SqlTemplate.render(file("-- @param d date day\nSELECT 'x${d}'"), Map.of("d", "2024-03-01")))
                .hasMessageStartingWith("q.sql:2:10: placeholder inside a quoted string");
        assertThatThrownBy(() -> SqlTemplate.render(file("SELECT 1\nWHERE a = ${missing}"), Map.of()))
                .hasMessageStartingWith("q.sql:2:11: placeholder ${missing} is not declared")
                .hasMessageEndingWith(" 2 | WHERE a = ${missing}\n   |           ^");
    }

    @Test
    void aBadDeclarationIsReportedAtItsLine() {
        assertThatThrownBy(() -> file("SELECT 1\n-- @param d colour the colour"))
                .hasMessageStartingWith("q.sql:2:4: unknown parameter type \"colour\", expected one of [date, string, integer, number, timestamp]");
        assertThatThrownBy(() -> file("-- @param d date = yesterday the day"))
                .hasMessageStartingWith("q.sql:1:4: default \"yesterday\" of d is not a day as YYYY-MM-DD");
    }

    @Test
    void positionsInTheRenderedSqlMapBackToTheFile() {
        QueryFile f = file("-- @param d date day\nSELECT ${d}, ${d}, bad");
        RenderedSql r = SqlTemplate.render(f, Map.of("d", "2024-03-01"));
        // rendered line 2: SELECT '2024-03-01', '2024-03-01', bad  -> "bad" at column 36; in the file at column 20
        assertThat(r.original(new SqlPosition(2, 36))).isEqualTo(new SqlPosition(2, 20));
        assertThat(r.original(new SqlPosition(2, 12))).as("inside a literal: its placeholder").isEqualTo(new SqlPosition(2, 8));
        assertThat(r.original(new SqlPosition(1, 4))).isEqualTo(new SqlPosition(1, 4));
    }
}
