package io.sensoretl.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryColumnsTest {
    private static final Set<String> KNOWN = Set.of("sensor_id", "ts", "metric", "value", "unit", "lat", "lon", "run_id");

    @Test
    void columnsMentionedInCommentsDoNotCount() {
        QueryColumns q = QueryColumns.of("""
                -- lat and lon are not needed here
                SELECT sensor_id, avg(value) /* ts unused */
                FROM "db"."readings" WHERE dt = '2024-03-01' GROUP BY sensor_id""", KNOWN);
        assertThat(q.tables()).containsExactly("readings");
        assertThat(q.columns()).containsExactlyInAnyOrder("sensor_id", "value");
    }

    @Test
    void selectStarReadsEveryColumnAndJoinsNameEveryTable() {
        QueryColumns q = QueryColumns.of("SELECT r.* FROM readings r JOIN `db`.rejects j ON r.run_id = j.run_id", KNOWN);
        assertThat(q.tables()).containsExactly("readings", "rejects");
        assertThat(q.columns()).containsExactlyInAnyOrderElementsOf(KNOWN);
    }

    @Test
    void aColumnNameInsideAnotherWordDoesNotCount() {
        QueryColumns q = QueryColumns.of("SELECT count(*) AS values_seen, max(units) FROM readings", KNOWN);
        assertThat(q.columns()).isEmpty();
    }
}
