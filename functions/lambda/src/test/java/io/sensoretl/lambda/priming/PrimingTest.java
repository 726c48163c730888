package io.sensoretl.lambda.priming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.lambda.Json;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SnapStart primings: each runs its handler's real code to a real result without any network
 * (every connection attempt, URLConnection or socket, goes through the default ProxySelector, which
 * here refuses and records it), and leaves nothing behind: no files, and the same result when run
 * again.
 */
class PrimingTest {
    private final List<URI> connections = new CopyOnWriteArrayList<>();
    private ProxySelector previous;

    @BeforeEach
    void refuseNetwork() {
        previous = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                connections.add(uri);
                throw new IllegalStateException("priming tried to connect to " + uri);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
        });
    }

    @AfterEach
    void restoreNetwork() {
        ProxySelector.setDefault(previous);
    }

    private JsonNode primeTwice(Priming priming) throws IOException {
        Set<String> tmpBefore = tmpEntries();
        String first = priming.run();
        String second = priming.run();
        assertThat(connections).as("network connections attempted").isEmpty();
        assertThat(tmpEntries()).as("files left in java.io.tmpdir").isEqualTo(tmpBefore);
        JsonNode a = Json.MAPPER.readTree(first);
        assertThat(Json.MAPPER.readTree(second)).as("a second priming gives the same result").isEqualTo(a);
        return a;
    }

    private static Set<String> tmpEntries() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("sensor-etl-priming")).collect(Collectors.toSet());
        }
    }

    @Test
    void transformPrimingTransformsAChunkWithGoodAndBadRecordsIntoParquet() throws IOException {
        JsonNode out = primeTwice(new TransformPriming());
        assertThat(out.path("records").asLong()).isEqualTo(200);
        assertThat(out.path("valid").asLong()).isPositive();
        assertThat(out.path("rejected").asLong()).isPositive();
        assertThat(out.path("valid").asLong() + out.path("rejected").asLong()).isEqualTo(200);
        assertThat(out.path("files").toString()).contains("s3://priming-data/runs/run-priming/staging/", ".parquet");
    }

    @Test
    void planPrimingPlansTheUploadedObjectAndWritesAManifest() throws IOException {
        JsonNode out = primeTwice(new PlanPriming());
        assertThat(out.path("chunks").asInt()).isEqualTo(1);
        assertThat(out.path("objects").asInt()).isEqualTo(1);
        assertThat(out.path("bytes").asLong()).isEqualTo(TransformPriming.sampleChunk().length);
        assertThat(out.path("manifestBucket").asText()).isEqualTo("priming-data");
        assertThat(out.path("manifestKey").asText()).isEqualTo("runs/" + out.path("runId").asText() + "/manifest.json");
    }

    @Test
    void recordRunPrimingStartsARun() throws IOException {
        JsonNode out = primeTwice(new RecordRunPriming());
        assertThat(out.path("decision").asText()).isEqualTo("STARTED");
        assertThat(out.path("started").asBoolean()).isTrue();
    }

    @Test
    void closeRunPrimingRecordsASucceededRun() throws IOException {
        JsonNode out = primeTwice(new CloseRunPriming());
        assertThat(out.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(out.path("records").asLong()).isEqualTo(200);
    }

    @Test
    void latestReadingsPrimingUpsertsEverySeries() throws IOException {
        JsonNode out = primeTwice(new LatestReadingsPriming());
        assertThat(out.path("partitionFiles").asInt()).isEqualTo(1);
        assertThat(out.path("series").asInt()).isEqualTo(20);
        assertThat(out.path("written").asInt()).isEqualTo(20);
    }

    @Test
    void runResultsPrimingAddsUpTheMapResults() throws IOException {
        JsonNode out = primeTwice(new RunResultsPriming());
        // two planned chunks: chunk 0 transformed (200 records, 189 valid, 11 missing_field), chunk 1 dead-lettered
        assertThat(out.path("runId").asText()).isEqualTo("run-priming");
        assertThat(out.path("chunks").asInt()).isEqualTo(2);
        assertThat(out.path("chunksSucceeded").asInt()).isEqualTo(1);
        assertThat(out.path("chunksDeadLettered").asInt()).isEqualTo(1);
        assertThat(out.path("chunksFailed").asInt()).isZero();
        assertThat(out.path("records").asLong()).isEqualTo(200);
        assertThat(out.path("valid").asLong()).isEqualTo(189);
        assertThat(out.path("rejected").asLong()).isEqualTo(11);
        assertThat(out.path("rejectedByReason").toString()).isEqualTo("{\"missing_field\":11}");
        assertThat(out.path("partitions").toString()).isEqualTo("[\"2024-03-01\"]");
        assertThat(out.path("deadLettered").get(0).path("chunk").asInt()).isEqualTo(1);
        assertThat(out.path("deadLettered").get(0).path("error").asText()).isEqualTo("java.io.IOException");
        assertThat(out.path("partialFilesDiscarded").asInt()).isZero();
    }

    @Test
    void compactPrimingCompactsAStagedPartitionAndLeavesNoDirectory() throws IOException {
        JsonNode out = primeTwice(new CompactPriming());
        assertThat(out.path("rows").asLong()).isEqualTo(500);
        assertThat(out.path("partitions").get(0).path("dt").asText()).isEqualTo("2024-03-01");
    }

    @Test
    void aRequestThePrimingDidNotExpectFailsNamingIt() {
        CannedHttpClient http = new CannedHttpClient(call -> {
            throw CannedHttpClient.unexpected(call, "test");
        });
        try (var s3 = CannedClients.s3(http)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s3.deleteBucket(b -> b.bucket("b")))
                    .hasStackTraceContaining("test priming did not expect DELETE /");
        }
    }
}
