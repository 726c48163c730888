package io.sensoretl.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.results.DeadLetteredChunk;
import io.sensoretl.results.RunTotals;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.testing.EmbeddedS3;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The run-results step over a ResultWriter layout in S3 (as AWS writes it), through the handler's JSON. */
class RunResultsHandlerTest {
    private static final String BUCKET = "data";
    private static final String RUN = "run-0123456789abcdef0123";

    private EmbeddedS3 s3;
    private RunResultsHandler handler;

    @BeforeEach
    void start() throws Exception {
        s3 = EmbeddedS3.inMemory().bucket(BUCKET);
        handler = new RunResultsHandler(s3.client());
    }

    @AfterEach
    void stop() throws Exception {
        s3.close();
    }

    private static ObjectNode child(String status, int chunk, Object output, String error) throws Exception {
        ObjectNode c = Json.MAPPER.createObjectNode();
        c.put("Status", status);
        c.put("Input", Json.MAPPER.writeValueAsString(Map.of("chunk", Map.of("index", chunk, "runId", RUN,
                "sourceDate", "2026-11-27"), "outputBucket", BUCKET)));
        if (output != null) {
            c.put("Output", Json.MAPPER.writeValueAsString(output));
        }
        if (error != null) {
            c.put("Error", error);
            c.put("Cause", "boom");
        }
        return c;
    }

    private static Map<String, Object> stats(int chunk, long valid, long rejected, String partition) {
        return Map.of("chunk", chunk, "sourceRecords", valid + rejected, "records", valid + rejected, "valid", valid,
                "rejected", rejected, "rejectedByReason", rejected == 0 ? Map.of() : Map.of("BAD_TIMESTAMP", rejected),
                "partitions", List.of("dt=" + partition), "files", List.of());
    }

    private void put(String key, Object body) throws Exception {
        s3.client().putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(Json.MAPPER.writeValueAsBytes(body)));
    }

    private void writeResults() throws Exception {
        ArrayNode succeeded = Json.MAPPER.createArrayNode();
        succeeded.add(child("SUCCEEDED", 0, stats(0, 90, 10, "2026-11-01"), null));
        succeeded.add(child("SUCCEEDED", 1, stats(1, 50, 0, "2026-11-02"), null));
        succeeded.add(child("SUCCEEDED", 2, Map.of("chunk", 2, "deadLettered", true,
                "error", "java.lang.IllegalStateException", "messageId", "m-1"), null));
        ArrayNode failed = Json.MAPPER.createArrayNode();
        failed.add(child("FAILED", 3, null, "SQS.AmazonSQSException"));
        String base = "runs/" + RUN + "/results/map-1/";
        put(base + "SUCCEEDED_0.json", succeeded);
        put(base + "FAILED_0.json", failed);
        put(base + "manifest.json", Map.of("DestinationBucket", BUCKET, "MapRunArn", "arn:map", "ResultFiles",
                Map.of("SUCCEEDED", List.of(Map.of("Key", base + "SUCCEEDED_0.json", "Size", 1)),
                        "FAILED", List.of(Map.of("Key", base + "FAILED_0.json", "Size", 1)), "PENDING", List.of())));
    }

    private Map<String, Object> event(int planned) {
        return Map.of("runId", RUN, "bucket", BUCKET, "manifestKey", "runs/" + RUN + "/results/map-1/manifest.json",
                "plannedChunks", planned);
    }

    @Test
    void addsUpChunkStatsAndNamesChunksThatWereNotProcessed() throws Exception {
        writeResults();
        RunTotals totals = handler.addUp(Json.MAPPER.valueToTree(event(4)));

        assertThat(totals.chunks()).isEqualTo(4);
        assertThat(totals.chunksSucceeded()).isEqualTo(2);
        assertThat(totals.chunksDeadLettered()).isEqualTo(1);
        assertThat(totals.chunksFailed()).isEqualTo(1);
        assertThat(totals.records()).isEqualTo(150);
        assertThat(totals.valid()).isEqualTo(140);
        assertThat(totals.rejected()).isEqualTo(10);
        assertThat(totals.rejectedByReason()).containsExactly(Map.entry("BAD_TIMESTAMP", 10L));
        assertThat(totals.partitions()).containsExactly("2026-11-01", "2026-11-02");
        assertThat(totals.sourceDate()).isEqualTo("2026-11-27");
        assertThat(totals.deadLettered()).containsExactly(
                new DeadLetteredChunk(2, "java.lang.IllegalStateException", true),
                new DeadLetteredChunk(3, "SQS.AmazonSQSException", false));
    }

    @Test
    void discardsWhatUnprocessedChunksWroteAndKeepsWholeChunks() throws Exception {
        writeResults();
        for (String key : List.of("runs/" + RUN + "/staging/dt=2026-11-01/chunk-00000.parquet",
                "runs/" + RUN + "/staging/dt=2026-11-01/chunk-00002.parquet",
                "runs/" + RUN + "/staging/dt=2026-11-05/chunk-00002-1.parquet",
                "runs/" + RUN + "/staging/dt=2026-11-05/chunk-00012.parquet",
                "curated/rejects/dt=2026-11-27/run=" + RUN + "/chunk-00003.parquet",
                "curated/rejects/dt=2026-11-27/run=" + RUN + "/chunk-00000.parquet")) {
            s3.client().putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString("x"));
        }
        RunTotals totals = handler.addUp(Json.MAPPER.valueToTree(event(4)));

        assertThat(totals.partialFilesDiscarded()).isEqualTo(3);
        assertThat(s3.client().listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("runs/" + RUN + "/staging/"))
                .contents()).extracting(S3Object::key).containsExactly(
                "runs/" + RUN + "/staging/dt=2026-11-01/chunk-00000.parquet",
                "runs/" + RUN + "/staging/dt=2026-11-05/chunk-00012.parquet");
        assertThat(s3.client().listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("curated/rejects/")).contents())
                .extracting(S3Object::key).containsExactly("curated/rejects/dt=2026-11-27/run=" + RUN + "/chunk-00000.parquet");
    }

    @Test
    void theLambdaEntryReportsChunkOutcomesAsMetrics() throws Exception {
        writeResults();
        List<String> lines = new java.util.ArrayList<>();
        RunResultsHandler withTelemetry = new RunResultsHandler(s3.client(), io.sensoretl.telemetry.Telemetry.to(lines::add,
                java.time.Clock.fixed(java.time.Instant.parse("2026-11-27T00:00:00Z"), java.time.ZoneOffset.UTC)));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        withTelemetry.handleRequest(new java.io.ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(event(4))), out,
                new io.sensoretl.lambda.local.LocalContext("run-results", "req-7"));

        assertThat(Json.MAPPER.readTree(out.toByteArray()).path("chunksDeadLettered").asInt()).isEqualTo(1);
        com.fasterxml.jackson.databind.JsonNode emf = lines.stream().map(l -> {
            try {
                return Json.MAPPER.readTree(l);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).filter(n -> n.has("_aws")).findFirst().orElseThrow();
        assertThat(emf.path("Function").asText()).isEqualTo("run-results");
        assertThat(emf.path("ChunksSucceeded").asLong()).isEqualTo(2);
        assertThat(emf.path("ChunksFailed").asLong()).isEqualTo(1);
        assertThat(emf.path("runId").asText()).isEqualTo(RUN);
        assertThat(emf.path("function_request_id").asText()).isEqualTo("req-7");
    }

    @Test
    void resultsThatDoNotCoverThePlanAreAnError() throws Exception {
        writeResults();
        assertThatThrownBy(() -> handler.addUp(Json.MAPPER.valueToTree(event(5))))
                .hasMessageContaining("list 4 chunks but the plan had 5");
    }

    @Test
    void aMissingManifestIsNamed() {
        assertThatThrownBy(() -> handler.addUp(Json.MAPPER.valueToTree(event(1))))
                .hasMessageContaining("map results file not found: s3://data/runs/" + RUN + "/results/map-1/manifest.json");
    }
}
