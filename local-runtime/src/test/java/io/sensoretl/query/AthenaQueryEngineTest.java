package io.sensoretl.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Athena path, checked by the requests the SDK sends to a local endpoint with recorded Athena answers. */
class AthenaQueryEngineTest {
    private AthenaStub stub;
    private final List<Long> sleeps = new ArrayList<>();
    private AthenaQueryEngine engine;

    @BeforeEach
    void start() throws Exception {
        stub = new AthenaStub();
        engine = new AthenaQueryEngine(stub.client(), new AthenaQueryEngine.Settings("analysts", "sensor_etl", null), sleeps::add);
    }

    @AfterEach
    void stop() {
        engine.close();
        stub.close();
    }

    @Test
    void startsTheRenderedQueryInTheWorkgroupPollsWithBackoffAndPagesThroughTheResults() {
        stub.answer("StartQueryExecution", "{\"QueryExecutionId\":\"q-1\"}")
                .state("q-1", "QUEUED").state("q-1", "RUNNING").state("q-1", "SUCCEEDED")
                .answer("GetQueryResults", """
                        {"ResultSet":{"ResultSetMetadata":{"ColumnInfo":[
                           {"Name":"dt","Type":"varchar"},{"Name":"readings","Type":"bigint"},
                           {"Name":"p50","Type":"double"},{"Name":"newest","Type":"timestamp"}]},
                         "Rows":[{"Data":[{"VarCharValue":"dt"},{"VarCharValue":"readings"},{"VarCharValue":"p50"},{"VarCharValue":"newest"}]},
                                 {"Data":[{"VarCharValue":"2024-03-02"},{"VarCharValue":"17"},{"VarCharValue":"21.5"},{"VarCharValue":"2024-03-02 23:59:00.250"}]}]},
                         "NextToken":"page-2"}""")
                .answer("GetQueryResults", """
                        {"ResultSet":{"ResultSetMetadata":{"ColumnInfo":[
                           {"Name":"dt","Type":"varchar"},{"Name":"readings","Type":"bigint"},
                           {"Name":"p50","Type":"double"},{"Name":"newest","Type":"timestamp"}]},
                         "Rows":[{"Data":[{"VarCharValue":"2024-03-03"},{"VarCharValue":"4"},{},{"VarCharValue":"2024-03-03 01:00:00.000"}]}]}}""");
        QueryFile file = QueryFile.read(AthenaQueriesTest.QUERIES.resolve("daily_aggregates.sql"));

        QueryResult result = QueryRunner.run(engine, file, Map.of("from", "2024-03-02", "to", "2024-03-03"));

        assertThat(stub.operations()).containsExactly("StartQueryExecution", "GetQueryExecution", "GetQueryExecution",
                "GetQueryExecution", "GetQueryResults", "GetQueryResults");
        var start = stub.calls().get(0).body();
        assertThat(start.path("QueryString").asText())
                .isEqualTo(SqlTemplate.render(file, Map.of("from", "2024-03-02", "to", "2024-03-03")).sql())
                .contains("WHERE dt BETWEEN '2024-03-02' AND '2024-03-03'");
        assertThat(start.path("WorkGroup").asText()).isEqualTo("analysts");
        assertThat(start.path("QueryExecutionContext").path("Database").asText()).isEqualTo("sensor_etl");
        assertThat(start.path("ClientRequestToken").asText()).as("idempotency token, so an SDK retry cannot start it twice").isNotBlank();
        assertThat(stub.calls().get(1).body().path("QueryExecutionId").asText()).isEqualTo("q-1");
        assertThat(stub.calls().get(4).body().has("NextToken")).isFalse();
        assertThat(stub.calls().get(5).body().path("NextToken").asText()).isEqualTo("page-2");
        assertThat(sleeps).containsExactly(200L, 400L);

        assertThat(result.columns()).containsExactly("dt", "readings", "p50", "newest");
        assertThat(result.rows()).as("the header row Athena repeats is not data").containsExactly(
                List.of("2024-03-02", 17L, 21.5, LocalDateTime.parse("2024-03-02T23:59:00.250")),
                java.util.Arrays.asList("2024-03-03", 4L, null, LocalDateTime.parse("2024-03-03T01:00")));
        assertThat(result.statistics().bytesScanned()).isEqualTo(123456L);
        assertThat(result.statistics().queryId()).isEqualTo("q-1");
    }

    @Test
    void pollingBacksOffExponentiallyUpToFiveSeconds() {
        stub.answer("StartQueryExecution", "{\"QueryExecutionId\":\"q-3\"}");
        for (int i = 0; i < 8; i++) {
            stub.state("q-3", "RUNNING");
        }
        stub.state("q-3", "SUCCEEDED").answer("GetQueryResults",
                "{\"ResultSet\":{\"ResultSetMetadata\":{\"ColumnInfo\":[{\"Name\":\"n\",\"Type\":\"bigint\"}]},"
                        + "\"Rows\":[{\"Data\":[{\"VarCharValue\":\"n\"}]},{\"Data\":[{\"VarCharValue\":\"1\"}]}]}}");
        QueryRunner.run(engine, QueryFile.parse(new QuerySource("<inline>", "SELECT 1 AS n")), Map.of());
        assertThat(sleeps).containsExactly(200L, 400L, 800L, 1600L, 3200L, 5000L, 5000L, 5000L);
    }

    @Test
    void aFailedQueryReportsAthenasErrorAtThePositionInTheFileNotInTheRenderedSql() {
        // "${from}" (7 characters) renders as '2024-03-02' (12): Athena's column 44 is the file's column 39
        stub.answer("StartQueryExecution", "{\"QueryExecutionId\":\"q-2\"}").answer("GetQueryExecution", """
                {"QueryExecution":{"QueryExecutionId":"q-2","StatementType":"DML",
                  "Status":{"State":"FAILED","StateChangeReason":"COLUMN_NOT_FOUND: line 3:44: Column 'nosuch' cannot be resolved or requester is not authorized to access requested resources",
                            "AthenaError":{"ErrorCategory":2,"ErrorType":1006,"Retryable":false,"ErrorMessage":"COLUMN_NOT_FOUND"}},
                  "Statistics":{"DataScannedInBytes":0}}}""");
        QueryFile file = QueryFile.parse(new QuerySource("bad.sql", """
                -- @param from date first day
                SELECT sensor_id
                FROM readings WHERE dt >= ${from} AND nosuch > 1
                """));

        assertThatThrownBy(() -> QueryRunner.run(engine, file, Map.of("from", "2024-03-02")))
                .isInstanceOf(QueryException.class)
                .hasMessageStartingWith("bad.sql:3:39: Athena query q-2 FAILED (error category 2, type 1006), 0 bytes scanned: "
                        + "COLUMN_NOT_FOUND: Column 'nosuch' cannot be resolved")
                .hasMessageEndingWith("\n 3 | FROM readings WHERE dt >= ${from} AND nosuch > 1\n   | " + " ".repeat(38) + "^");
        assertThat(stub.operations()).containsExactly("StartQueryExecution", "GetQueryExecution");
    }

    @Test
    void aRefusedStartNamesAthenasReason() {
        stub.fail("StartQueryExecution", "InvalidRequestException", "WorkGroup analysts is disabled.");
        assertThatThrownBy(() -> QueryRunner.run(engine, QueryFile.parse(new QuerySource("<inline>", "SELECT 1")), Map.of()))
                .isInstanceOf(QueryException.class)
                .hasMessageContaining("Athena refused the query: WorkGroup analysts is disabled.");
    }
}
