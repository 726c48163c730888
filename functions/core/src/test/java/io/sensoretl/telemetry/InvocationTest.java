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
        assertThat(log.path("requestId").asText()).isEqualTo("req-1");
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
        assertThat(out.get(0).has("requestId")).isFalse();
    }

    @Test
    void anInvocationIsReportedOnce() {
        Invocation inv = telemetry.start("plan", "r");
        inv.succeed("done");
        assertThatThrownBy(() -> inv.fail(new RuntimeException("x"))).hasMessageContaining("plan was already reported");
    }
}
