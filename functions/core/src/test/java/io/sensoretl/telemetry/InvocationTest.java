package io.sensoretl.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sensoretl.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvocationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> lines = new ArrayList<>();
    private final ManualClock clock = new ManualClock(Instant.parse("2024-03-01T10:00:00Z"));
    private final Telemetry telemetry = Telemetry.to(lines::add, clock);

    private List<JsonNode> parsed() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : lines) {
            out.add(JSON.readTree(l));
        }
        return out;
    }

    @Test
    void theServiceFieldIsTheOneTheHandlersSettingsName() throws Exception {
        Telemetry named = Telemetry.to(lines::add, clock, " orders-etl ");
        named.start("plan", "req-9").succeed("planned");
        Telemetry.to(lines::add, clock, " ").start("plan", "req-10").succeed("planned");

        List<JsonNode> out = parsed();
        assertThat(out.stream().filter(n -> n.has("service")).map(n -> n.path("service").asText()).toList())
                .containsExactly("orders-etl", "sensor-etl");
    }

    @Test
    void successEmitsALogLineThenOneDocumentPerDimensionSet() throws Exception {
        Invocation inv = telemetry.start("transform", "req-1");
        clock.advance(Duration.ofMillis(250));
        inv.field(Invocation.RUN_ID, "run-1").field(Invocation.CHUNK_INDEX, 4).field(Invocation.SOURCE_KEY, "incoming/a.ndjson")
                .count("RecordsIn", 10).millis("ChunkDurationMs", inv.elapsedMillis())
                .rejectedByReason(Map.of("bad_timestamp", 2L, "missing_field", 1L));
        inv.succeed("chunk transformed");

        List<JsonNode> out = parsed();
        assertThat(out).hasSize(4); // log line + Function document + 2 reasons
        JsonNode log = out.get(0);
        assertThat(log.path("level").asText()).isEqualTo("INFO");
        assertThat(log.path("timestamp").asText()).isEqualTo("2024-03-01T10:00:00.250Z");
        assertThat(log.path("function_request_id").asText()).isEqualTo("req-1");
        assertThat(log.path("durationMs").asLong()).isEqualTo(250);
        assertThat(log.path("chunkIndex").asInt()).isEqualTo(4);
        assertThat(log.has("_aws")).isFalse();

        assertThat(out.get(1).path("ChunkDurationMs").asLong()).isEqualTo(250);
        assertThat(out.get(1).path("sourceKey").asText()).isEqualTo("incoming/a.ndjson");
        // reasons in a stable (sorted) order
        assertThat(out.get(2).path("Reason").asText()).isEqualTo("bad_timestamp");
        assertThat(out.get(2).path("RecordsRejected").asLong()).isEqualTo(2);
        assertThat(out.get(3).path("Reason").asText()).isEqualTo("missing_field");
        assertThat(out.get(3).path("_aws").path("CloudWatchMetrics").get(0).path("Dimensions").toString())
                .isEqualTo("[[\"Function\",\"Reason\"]]");
    }

    @Test
    void failureEmitsOnlyAnErrorLineNamingTheError() throws Exception {
        Invocation inv = telemetry.start("compact", null);
        inv.field(Invocation.RUN_ID, "run-9").count("RowsCompacted", 5);
        inv.fail(new IllegalStateException("partition dt=2024-03-01 is busy"));

        List<JsonNode> out = parsed();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).path("level").asText()).isEqualTo("ERROR");
        assertThat(out.get(0).path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(out.get(0).path("errorMessage").asText()).contains("dt=2024-03-01");
        assertThat(out.get(0).path("runId").asText()).isEqualTo("run-9");
        assertThat(out.get(0).has("function_request_id")).isFalse();
    }

    @Test
    void theLogLineCarriesLambdasContextUnderPowertoolsFieldNames() throws Exception {
        LambdaContext lambda = new LambdaContext("req-3", "sensor-etl-TransformFunction-x1",
                "arn:aws:lambda:eu-west-1:123456789012:function:sensor-etl-TransformFunction-x1", "7", 1769, true,
                LambdaContext.traceIdOf("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"));
        Invocation inv = telemetry.invocation("transform", lambda);
        inv.count("RecordsIn", 1);
        inv.succeed("chunk transformed");

        JsonNode log = parsed().get(0);
        assertThat(log.path("function_name").asText()).isEqualTo("sensor-etl-TransformFunction-x1");
        assertThat(log.path("function_request_id").asText()).isEqualTo("req-3");
        assertThat(log.path("function_arn").asText()).endsWith(":function:sensor-etl-TransformFunction-x1");
        assertThat(log.path("function_version").asText()).isEqualTo("7");
        assertThat(log.path("function_memory_size").asInt()).isEqualTo(1769);
        assertThat(log.path("cold_start").asBoolean()).isTrue();
        assertThat(log.path("xray_trace_id").asText()).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
        assertThat(log.path("service").asText()).isEqualTo("sensor-etl");
        assertThat(log.path("function").asText()).isEqualTo("transform");
        // the metrics document carries the ids as properties, to jump from a metric to the invocation's log
        assertThat(parsed().get(1).path("xray_trace_id").asText()).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
    }

    @Test
    void aTraceHeaderWithoutRootHasNoTraceId() {
        assertThat(LambdaContext.traceIdOf("Parent=53995c3f42cd8ad8;Sampled=0")).isNull();
        assertThat(LambdaContext.traceIdOf(null)).isNull();
        assertThat(LambdaContext.traceIdOf(" Root=1-a-b ;Sampled=1")).isEqualTo("1-a-b");
    }

    @Test
    void anInvocationIsReportedOnce() {
        Invocation inv = telemetry.start("plan", "r");
        inv.succeed("done");
        assertThatThrownBy(() -> inv.fail(new RuntimeException("x"))).hasMessageContaining("plan was already reported");
    }
}
