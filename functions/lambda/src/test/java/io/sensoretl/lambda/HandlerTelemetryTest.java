package io.sensoretl.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.generate.DumpGenerator;
import io.sensoretl.generate.GeneratorTruth;
import io.sensoretl.ledger.local.LocalRunLedger;
import io.sensoretl.telemetry.Telemetry;
import io.sensoretl.testing.EmbeddedS3;
import io.sensoretl.lambda.local.LocalContext;
import io.sensoretl.testing.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Handlers invoked through handleRequest, as Lambda does, emit structured log lines and EMF
 * documents whose counts are the ones the handler returned and the generator's truth predicts.
 */
class HandlerTelemetryTest {
    static EmbeddedS3 s3;

    @TempDir
    Path dir;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final ManualClock clock = new ManualClock(Instant.parse("2024-03-01T10:00:00Z"));
    private final Telemetry telemetry = Telemetry.to(lines::add, clock);

    @BeforeAll
    static void start() throws Exception {
        s3 = EmbeddedS3.inMemory().bucket("source").bucket("work");
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
    }

    private static JsonNode invoke(com.amazonaws.services.lambda.runtime.RequestStreamHandler h, String event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        h.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, new LocalContext("fn", "req-42"));
        return Json.MAPPER.readTree(out.toByteArray());
    }

    private List<JsonNode> emf(String function) throws Exception {
        List<JsonNode> docs = new ArrayList<>();
        for (String line : lines) {
            JsonNode n = Json.MAPPER.readTree(line); // every line must parse as JSON
            if (n.has("_aws") && function.equals(n.path("Function").asText())) {
                docs.add(n);
            }
        }
        return docs;
    }

    private List<JsonNode> logs(String function) throws Exception {
        List<JsonNode> docs = new ArrayList<>();
        for (String line : lines) {
            JsonNode n = Json.MAPPER.readTree(line);
            if (!n.has("_aws") && function.equals(n.path("function").asText())) {
                docs.add(n);
            }
        }
        return docs;
    }

    @Test
    void aTransformedChunkReportsItsCountsPerReasonAndItsContext() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        GeneratorTruth truth = new DumpGenerator(5, 0.2).writeRecords(body, 3_000);
        s3.put("source", "incoming/metrics.ndjson", body.toByteArray());
        JsonNode plan = invoke(new PlanHandler(s3.client(), telemetry), """
                {"bucket":"source","key":"incoming/metrics.ndjson","workBucket":"work","chunkBytes":1073741824}""");
        byte[] manifest = s3.client().getObjectAsBytes(b -> b.bucket("work").key(plan.path("manifestKey").asText())).asByteArray();
        JsonNode chunk = Json.MAPPER.readTree(manifest).get(0);

        TransformHandler transform = new TransformHandler(s3.client(), telemetry);
        JsonNode stats = invoke(transform, "{\"outputBucket\":\"work\",\"chunk\":" + chunk + "}");

        assertThat(truth.rejected()).isPositive(); // the dump does exercise the reject path
        JsonNode doc = emf("transform").stream().filter(d -> !d.has("Reason")).findFirst().orElseThrow();
        assertThat(doc.path("_aws").path("CloudWatchMetrics").get(0).path("Namespace").asText()).isEqualTo("SensorEtl");
        assertThat(doc.path("_aws").path("CloudWatchMetrics").get(0).path("Dimensions").toString()).isEqualTo("[[\"Function\"]]");
        assertThat(doc.path("RecordsIn").asLong()).isEqualTo(truth.records()).isEqualTo(stats.path("records").asLong());
        assertThat(doc.path("RecordsValid").asLong()).isEqualTo(truth.valid());
        assertThat(doc.path("RecordsRejected").asLong()).isEqualTo(truth.rejected());
        assertThat(doc.path("BytesRead").asLong()).isEqualTo(body.size());
        assertThat(doc.has("ChunkDurationMs")).isTrue();
        assertThat(doc.path("runId").asText()).isEqualTo(plan.path("runId").asText());
        assertThat(doc.path("chunkIndex").asInt()).isEqualTo(0);
        assertThat(doc.path("sourceKey").asText()).isEqualTo("incoming/metrics.ndjson");
        assertThat(doc.path("function_request_id").asText()).isEqualTo("req-42");

        Map<String, Long> perReason = new HashMap<>();
        for (JsonNode d : emf("transform")) {
            if (d.has("Reason")) {
                assertThat(d.path("_aws").path("CloudWatchMetrics").get(0).path("Dimensions").toString())
                        .isEqualTo("[[\"Function\",\"Reason\"]]");
                perReason.put(d.path("Reason").asText(), d.path("RecordsRejected").asLong());
            }
        }
        assertThat(perReason).isEqualTo(truth.rejectedByReason());

        JsonNode log = logs("transform").get(0);
        assertThat(log.path("level").asText()).isEqualTo("INFO");
        assertThat(log.path("runId").asText()).isEqualTo(plan.path("runId").asText());
        assertThat(log.path("sourceKey").asText()).isEqualTo("incoming/metrics.ndjson");
        assertThat(log.path("chunkIndex").asInt()).isZero();

        JsonNode planDoc = emf("plan").get(0);
        assertThat(planDoc.path("ChunksPlanned").asLong()).isEqualTo(1);
        assertThat(planDoc.path("SourceBytes").asLong()).isEqualTo(body.size());
    }

    @Test
    void aFailingChunkLogsAnErrorWithItsContextAndEmitsNoCounts() throws Exception {
        TransformHandler transform = new TransformHandler(s3.client(), telemetry);
        String event = """
                {"outputBucket":"work","chunk":{"runId":"run-x","index":3,"bucket":"source","key":"incoming/gone.ndjson",
                 "etag":"e","size":10,"start":0,"end":10,"compression":"none","splittable":true,"sourceDate":"2024-03-01"}}""";

        assertThatThrownBy(() -> invoke(transform, event)).isInstanceOf(SensorEtl.SourceMissing.class)
                .hasMessageContaining("s3://source/incoming/gone.ndjson does not exist");

        assertThat(emf("transform")).isEmpty();
        JsonNode error = logs("transform").get(0);
        assertThat(error.path("level").asText()).isEqualTo("ERROR");
        assertThat(error.path("runId").asText()).isEqualTo("run-x");
        assertThat(error.path("chunkIndex").asInt()).isEqualTo(3);
        assertThat(error.path("sourceKey").asText()).isEqualTo("incoming/gone.ndjson");
        assertThat(error.path("errorType").asText()).isEqualTo("SensorEtl.SourceMissing");
        assertThat(error.path("errorMessage").asText()).contains("s3://source/incoming/gone.ndjson");
    }

    @Test
    void closingARunReportsItsDeadLetteredChunks() throws Exception {
        LocalRunLedger ledger = new LocalRunLedger(dir, clock, Duration.ofHours(6));
        invoke(new RecordRunHandler(ledger, io.sensoretl.ledger.ExecutionLiveness.UNKNOWN, telemetry), """
                {"bucket":"source","key":"incoming/a.ndjson","etag":"e1","executionId":"exec-1"}""");
        invoke(new CloseRunHandler(ledger, telemetry), """
                {"bucket":"source","key":"incoming/a.ndjson","etag":"e1","executionId":"exec-1","status":"SUCCEEDED",
                 "counts":{"records":100,"valid":90,"rejected":6,"deadLetteredChunks":2},"partitions":["dt=2024-03-01"]}""");

        JsonNode started = emf("record-run").get(0);
        assertThat(started.path("RunsStarted").asLong()).isEqualTo(1);
        assertThat(started.path("DuplicateEvents").asLong()).isZero();
        JsonNode closed = emf("close-run").get(0);
        assertThat(closed.path("ChunksDeadLettered").asLong()).isEqualTo(2);
        assertThat(closed.path("RunsSucceeded").asLong()).isEqualTo(1);
        assertThat(closed.path("RunsFailed").asLong()).isZero();
        assertThat(closed.path("runId").asText()).isEqualTo(started.path("runId").asText()).isNotBlank();
    }
}
