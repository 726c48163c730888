package io.sensoretl.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmfDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDocumentDeclaresNamespaceDimensionsAndUnitsAndCarriesTheValuesAtTopLevel() throws Exception {
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put("Function", "transform");
        dims.put("Reason", "bad_timestamp");
        String line = EmfDocument.render("SensorEtl", 1_700_000_000_123L, dims,
                List.of(new Metric("RecordsRejected", 7, Unit.COUNT), new Metric("BytesRead", 1.5, Unit.BYTES)),
                Map.of("runId", "r-1"));

        assertThat(line).doesNotContain("\n");
        JsonNode doc = JSON.readTree(line);
        JsonNode directive = doc.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(doc.path("_aws").path("Timestamp").asLong()).isEqualTo(1_700_000_000_123L);
        assertThat(directive.path("Namespace").asText()).isEqualTo("SensorEtl");
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"Function\",\"Reason\"]]");
        assertThat(directive.path("Metrics").toString())
                .isEqualTo("[{\"Name\":\"RecordsRejected\",\"Unit\":\"Count\"},{\"Name\":\"BytesRead\",\"Unit\":\"Bytes\"}]");
        assertThat(doc.path("Function").asText()).isEqualTo("transform");
        assertThat(doc.path("Reason").asText()).isEqualTo("bad_timestamp");
        assertThat(doc.path("RecordsRejected").isIntegralNumber()).isTrue();
        assertThat(doc.path("RecordsRejected").asLong()).isEqualTo(7);
        assertThat(doc.path("BytesRead").asDouble()).isEqualTo(1.5);
        assertThat(doc.path("runId").asText()).isEqualTo("r-1");
    }

    @Test
    void aPropertyNeverOverwritesAMetricValue() throws Exception {
        String line = EmfDocument.render("SensorEtl", 0, Map.of("Function", "plan"),
                List.of(new Metric("ChunksPlanned", 3, Unit.COUNT)), Map.of("ChunksPlanned", "oops"));
        assertThat(JSON.readTree(line).path("ChunksPlanned").asLong()).isEqualTo(3);
    }

    @Test
    void aMetricNamedLikeADimensionIsRefused() {
        assertThatThrownBy(() -> EmfDocument.render("SensorEtl", 0, Map.of("Function", "plan"),
                List.of(new Metric("Function", 1, Unit.COUNT)), Map.of()))
                .hasMessageContaining("'Function' clashes");
    }

    @Test
    void moreThanOneHundredMetricsInOneDocumentAreRefused() {
        List<Metric> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(new Metric("M" + i, i, Unit.COUNT));
        }
        assertThatThrownBy(() -> EmfDocument.render("SensorEtl", 0, Map.of("Function", "plan"), many, Map.of()))
                .hasMessageContaining("1-100 metrics, got 101");
    }

    @Test
    void aNonFiniteValueIsRefusedNamingTheMetric() {
        assertThatThrownBy(() -> new Metric("ChunkDurationMs", Double.NaN, Unit.MILLISECONDS))
                .hasMessageContaining("ChunkDurationMs");
    }
}
