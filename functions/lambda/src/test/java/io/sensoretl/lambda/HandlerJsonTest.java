package io.sensoretl.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.catalog.local.LocalPartitionCatalog;
import io.sensoretl.compact.CompactionConfig;
import io.sensoretl.compact.local.LocalPartitionLocks;
import io.sensoretl.generate.DumpGenerator;
import io.sensoretl.lambda.local.LocalContext;
import io.sensoretl.latest.local.LocalLatestReadings;
import io.sensoretl.ledger.local.LocalRunLedger;
import io.sensoretl.store.aws.S3ObjectStore;
import io.sensoretl.telemetry.MetricNames;
import io.sensoretl.telemetry.Telemetry;
import io.sensoretl.testing.EmbeddedS3;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The JSON every handler accepts and answers, as the state machine sends and reads it: one run
 * driven through {@code handleRequest} with the payloads statemachine/sensor-etl.asl.json builds,
 * each answer compared field by field (names, order, JSON types) with the interface the definition
 * and the docs rely on. A handler that renames, drops, reorders or retypes a field fails here, and so
 * does one that reports its metrics under another name than its registry entry's.
 */
class HandlerJsonTest {
    private static final String BUCKET = "data";
    private static final String KEY = "incoming/site-a.ndjson";
    private static final String EXECUTION = "arn:aws:states:eu-west-1:111122223333:execution:sensor-etl:e-1";

    @TempDir
    Path dir;

    private EmbeddedS3 s3;
    private Map<String, RequestStreamHandler> handlers;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Telemetry telemetry = Telemetry.to(lines::add, Clock.systemUTC());

    @BeforeEach
    void wire() throws Exception {
        s3 = EmbeddedS3.inMemory().bucket(BUCKET);
        S3ObjectStore data = new S3ObjectStore(s3.client(), BUCKET);
        LocalRunLedger ledger = new LocalRunLedger(dir, Clock.systemUTC(), Duration.ofHours(6));
        handlers = Map.of(
                "record-run", new RecordRunHandler(ledger, io.sensoretl.ledger.ExecutionLiveness.UNKNOWN, telemetry),
                "plan", new PlanHandler(s3.client(), telemetry),
                "transform", new TransformHandler(s3.client(), telemetry),
                "run-results", new RunResultsHandler(s3.client(), telemetry),
                // slices of at most 100 rows and a fan-in of 2: this small run takes every step of a sliced compaction
                "compact", new CompactHandler(data, new LocalPartitionCatalog(dir), new CompactionConfig(1 << 20, 1 << 20, 2,
                        dir.resolve("tmp"), 100, Duration.ofDays(1)), new LocalPartitionLocks(dir, Clock.systemUTC()), telemetry),
                "latest-readings", new LatestReadingsHandler(data, new LocalLatestReadings(dir), telemetry),
                "close-run", new CloseRunHandler(ledger, telemetry));
        assertThat(handlers.keySet()).containsExactlyInAnyOrderElementsOf(LambdaFunction.names());
    }

    @AfterEach
    void stop() throws Exception {
        s3.close();
    }

    /** Invokes the function and checks that it reported its metrics under its registry name. */
    private JsonNode invoke(String function, Object payload) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] in = payload instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : Json.MAPPER.writeValueAsBytes(payload);
        lines.clear();
        handlers.get(function).handleRequest(new ByteArrayInputStream(in), out, new LocalContext(function));
        List<String> dimensions = new java.util.ArrayList<>();
        for (String line : lines) {
            JsonNode doc = Json.MAPPER.readTree(line);
            if (doc.has("_aws")) {
                dimensions.add(doc.path(MetricNames.FUNCTION).asText());
            }
        }
        assertThat(dimensions).as("the Function dimension of %s's metrics", function).isNotEmpty().containsOnly(function);
        return Json.MAPPER.readTree(out.toByteArray());
    }

    /** Field names in order with the JSON type of each value; arrays by their first element. */
    static String shape(JsonNode n) {
        if (n.isObject()) {
            StringBuilder b = new StringBuilder("{");
            for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                b.append(e.getKey()).append(':').append(shape(e.getValue())).append(it.hasNext() ? "," : "");
            }
            return b.append('}').toString();
        }
        if (n.isArray()) {
            return "[" + (n.isEmpty() ? "" : shape(n.get(0))) + "]";
        }
        return n.isTextual() ? "string" : n.isIntegralNumber() ? "int" : n.isNumber() ? "number"
                : n.isBoolean() ? "boolean" : n.isNull() ? "null" : n.getNodeType().name();
    }

    @Test
    void everyHandlerAnswersTheJsonTheStateMachineReads() throws Exception {
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        new DumpGenerator(3, 0.1).writeRecords(dump, 400);
        s3.put(BUCKET, KEY, dump.toByteArray());
        String etag = s3.client().headObject(b -> b.bucket(BUCKET).key(KEY)).eTag().replace("\"", "");

        JsonNode recorded = invoke("record-run", Map.of("bucket", BUCKET, "key", KEY, "etag", etag, "executionId", EXECUTION,
                "force", false));
        assertThat(shape(recorded)).isEqualTo("{decision:string,started:boolean,runId:string,bucket:string,key:string,"
                + "etag:string,attempt:int,state:string,executionId:string,holder:null,tookOver:null}");
        assertThat(recorded.path("decision").asText()).isEqualTo("STARTED");

        JsonNode plan = invoke("plan", Map.of("bucket", BUCKET, "key", KEY, "workBucket", BUCKET, "chunkBytes", 8192));
        assertThat(shape(plan)).isEqualTo("{runId:string,manifestBucket:string,manifestKey:string,objects:int,"
                + "emptyObjects:int,chunks:int,bytes:int}");
        String runId = plan.path("runId").asText();
        assertThat(runId).isEqualTo(recorded.path("runId").asText());
        assertThat(plan.path("chunks").asInt()).isGreaterThan(2);

        JsonNode manifest = Json.MAPPER.readTree(s3.client().getObjectAsBytes(b -> b.bucket(BUCKET)
                .key(plan.path("manifestKey").asText())).asByteArray());
        ArrayNode results = Json.MAPPER.createArrayNode();
        int transformed = 0;
        for (JsonNode chunk : manifest) {
            ObjectNode item = Json.MAPPER.createObjectNode().<ObjectNode>set("chunk", chunk).put("outputBucket", BUCKET)
                    .put("executionId", EXECUTION);
            if (chunk.path("index").asInt() == 1) {
                // the map's Catch: the chunk went to the dead-letter queue
                results.add(child(item, Map.of("chunk", 1, "deadLettered", true, "error", "SensorEtl.Transient",
                        "messageId", "m-1")));
                continue;
            }
            JsonNode stats = invoke("transform", item);
            assertThat(shape(stats)).as("chunk %s: %s", chunk.path("index"), stats).isEqualTo("{chunk:int,source:string,"
                    + "sourceRecords:int,records:int,valid:int,rejected:int,rejectedByReason:{"
                    + reasons(stats.path("rejectedByReason")) + "},bytes:int,partitions:[" + (stats.path("valid").asLong() > 0
                    ? "string" : "") + "],files:[" + (stats.path("files").isEmpty() ? "" : "string") + "]}");
            transformed = stats.path("valid").asLong() > 0 ? transformed + 1 : transformed;
            results.add(child(item, stats));
        }
        assertThat(transformed).as("chunks with valid records").isGreaterThan(1);
        String base = "runs/" + runId + "/results/map-1/";
        put(base + "SUCCEEDED_0.json", results);
        put(base + "manifest.json", Map.of("DestinationBucket", BUCKET, "MapRunArn", "arn:map", "ResultFiles",
                Map.of("SUCCEEDED", List.of(Map.of("Key", base + "SUCCEEDED_0.json", "Size", 1)), "FAILED", List.of(),
                        "PENDING", List.of())));

        JsonNode totals = invoke("run-results", Map.of("runId", runId, "bucket", BUCKET, "manifestKey", base + "manifest.json",
                "plannedChunks", plan.path("chunks").asInt()));
        assertThat(shape(totals)).isEqualTo("{runId:string,chunks:int,chunksSucceeded:int,chunksDeadLettered:int,"
                + "chunksFailed:int,sourceRecords:int,records:int,valid:int,rejected:int,rejectedByReason:{"
                + reasons(totals.path("rejectedByReason")) + "},partitions:[string],sourceDate:string,"
                + "deadLettered:[{chunk:int,error:string,inDeadLetterQueue:boolean}],partialFilesDiscarded:int}");

        // the workflow's compaction: Plan compaction, Sort staged groups, Write slices, Publish partitions
        ObjectNode planEvent = Json.MAPPER.createObjectNode().put("action", "plan").put("runId", runId);
        planEvent.set("partitions", totals.path("partitions"));
        planEvent.put("reapply", false);
        JsonNode compactionPlan = invoke("compact", planEvent);
        assertThat(shape(compactionPlan)).isEqualTo("{runId:string,plannedPartitions:[{dt:string,status:string,"
                + "compactionId:string,estimatedRows:int,groups:int,slices:int}],groups:int,slices:int,groupsKey:string,"
                + "slicesKey:string}");
        assertThat(compactionPlan.path("groups").asInt()).as("group tasks").isPositive();
        assertThat(compactionPlan.path("slices").asInt()).as("slice tasks").isGreaterThan(1);
        for (String step : List.of("group", "slice")) {
            JsonNode items = Json.MAPPER.readTree(s3.client().getObjectAsBytes(b -> b.bucket(BUCKET)
                    .key(compactionPlan.path(step + "sKey").asText())).asByteArray());
            assertThat(items).hasSize(compactionPlan.path(step + "s").asInt());
            for (JsonNode item : items) {
                assertThat(shape(item)).isEqualTo("{runId:string,dt:string,compactionId:string,index:int}");
                // the Map's ItemSelector: the item and the action
                JsonNode done = invoke("compact", ((ObjectNode) item.deepCopy()).put("action", step));
                assertThat(shape(done)).isEqualTo(step.equals("group") ? "{dt:string,group:int,rows:int}"
                        : "{dt:string,slice:int,rows:int,files:int}");
            }
        }
        ObjectNode compactEvent = Json.MAPPER.createObjectNode().put("action", "publish").put("runId", runId);
        compactEvent.set("partitions", totals.path("partitions"));
        compactEvent.put("sourceDate", totals.path("sourceDate").asText());
        JsonNode compacted = invoke("compact", compactEvent);
        assertThat(shape(compacted)).isEqualTo("{runId:string,partitions:[{dt:string,status:string,location:string,"
                + "files:int,bytes:int,stagedRows:int,keptRows:int,replacedRows:int,slices:int}],rows:int,rejectsPartition:string}");
        assertThat(compacted.path("rows").asLong()).isEqualTo(totals.path("valid").asLong());
        // without an action, all of it in one invocation (the redrive): here a retry after the switch
        compactEvent.remove("action");
        JsonNode again = invoke("compact", compactEvent.put("reapply", false));
        assertThat(shape(again)).isEqualTo(shape(compacted));
        assertThat(again.path("partitions").findValuesAsText("status")).containsOnly("ALREADY_APPLIED");
        JsonNode nothingToCompact = invoke("compact", Map.of("runId", runId, "partitions", List.of(), "reapply", false));
        assertThat(shape(nothingToCompact)).isEqualTo("{runId:string,partitions:[],rows:int,rejectsPartition:null}");

        JsonNode latest = invoke("latest-readings", Map.of("runId", runId));
        assertThat(shape(latest)).isEqualTo("{runId:string,partitionFiles:int,series:int,written:int,skippedOlder:int}");

        List<String> published = compacted.path("partitions").findValuesAsText("dt");
        JsonNode closed = invoke("close-run", Map.of("bucket", BUCKET, "key", KEY, "etag", etag, "executionId", EXECUTION,
                "status", "SUCCEEDED", "counts", Map.of("records", totals.path("records").asLong(),
                        "valid", totals.path("valid").asLong(), "rejected", totals.path("rejected").asLong(),
                        "deadLetteredChunks", totals.path("chunksDeadLettered").asLong()), "partitions", published));
        assertThat(shape(closed)).isEqualTo("{runId:string,state:string,attempt:int,records:int,valid:int,rejected:int,"
                + "deadLetteredChunks:int,partitions:[string]}");
        assertThat(closed.path("state").asText()).isEqualTo("SUCCEEDED");

        JsonNode forced = invoke("record-run", Map.of("bucket", BUCKET, "key", KEY, "etag", etag,
                "executionId", EXECUTION + "-2", "force", true));
        assertThat(forced.path("started").asBoolean()).isTrue();
        JsonNode failed = invoke("close-run", Map.of("bucket", BUCKET, "key", KEY, "etag", etag,
                "executionId", EXECUTION + "-2", "status", "FAILED",
                "error", Map.of("Error", "SensorEtl.BadInput", "Cause", "{\"errorMessage\":\"no\"}")));
        assertThat(shape(failed)).isEqualTo("{runId:string,state:string,attempt:int,records:int,valid:int,rejected:int,"
                + "deadLetteredChunks:int,partitions:[]}");
        assertThat(failed.path("state").asText()).isEqualTo("FAILED");
    }

    private static String reasons(JsonNode byReason) {
        StringBuilder b = new StringBuilder();
        byReason.fieldNames().forEachRemaining(n -> b.append(b.length() == 0 ? "" : ",").append(n).append(":int"));
        return b.toString();
    }

    private static ObjectNode child(ObjectNode input, Object output) throws Exception {
        ObjectNode c = Json.MAPPER.createObjectNode();
        c.put("Status", "SUCCEEDED");
        c.put("Input", Json.MAPPER.writeValueAsString(input));
        c.put("Output", Json.MAPPER.writeValueAsString(output));
        return c;
    }

    private void put(String key, Object body) throws Exception {
        s3.client().putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(Json.MAPPER.writeValueAsBytes(body)));
    }
}
