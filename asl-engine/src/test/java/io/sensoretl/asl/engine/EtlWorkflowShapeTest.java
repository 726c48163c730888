package io.sensoretl.asl.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.sensoretl.asl.Engines;
import io.sensoretl.asl.InMemoryObjectStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.history.HistoryEvent;
import io.sensoretl.asl.json.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shape of the project's own workflow: a manifest in S3 is fanned out by a Distributed Map
 * (ItemReader + ItemBatcher) to a Lambda through lambda:invoke with a Retry, results go to S3
 * through ResultWriter, and a final Lambda summarises.
 */
class EtlWorkflowShapeTest {
    private final InMemoryObjectStore s3 = new InMemoryObjectStore();
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Fails its very first call, so the Retry has work to do. */
    public static final class TransformBatch implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        private final AtomicInteger calls = new AtomicInteger();

        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("throttled");
            }
            List<Map<String, Object>> items = (List<Map<String, Object>>) input.get("Items");
            return Map.of("rows", items.size(), "run", ((Map<String, Object>) input.get("BatchInput")).get("run"));
        }
    }

    @Test
    void manifestFanOutWithRetryResultWriterAndSummary() {
        s3.createBucket("results");
        StringBuilder csv = new StringBuilder("device,chunk\n");
        for (int i = 0; i < 7; i++) {
            csv.append("dev-").append(i % 3).append(',').append(i).append('\n');
        }
        s3.putText("raw-dumps", "manifest.csv", csv.toString());
        Engines engines = new Engines(AslEngine.builder().objectStore(s3).executor(pool));
        TransformBatch transform = new TransformBatch();
        engines.engine.lambdas().register("transform", transform);
        engines.engine.lambdas().register("summarise",
                (RequestHandler<Map<String, Object>, String>) (in, ctx) -> "wrote " + in.get("key"));
        String definition = """
                {"StartAt":"FanOut","States":{
                  "FanOut":{"Type":"Map","Label":"chunks","MaxConcurrency":2,"ToleratedFailurePercentage":0,
                    "ItemReader":{"Resource":"arn:aws:states:::s3:getObject",
                      "ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW"},
                      "Parameters":{"Bucket.$":"$.bucket","Key.$":"$.manifest"}},
                    "ItemBatcher":{"MaxItemsPerBatch":3,"BatchInput":{"run.$":"$$.Execution.Name"}},
                    "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                      "StartAt":"Transform","States":{"Transform":{"Type":"Task",
                        "Resource":"arn:aws:states:::lambda:invoke",
                        "Parameters":{"FunctionName":"transform","Payload.$":"$"},
                        "Retry":[{"ErrorEquals":["java.lang.IllegalStateException"],"IntervalSeconds":1,"MaxAttempts":2}],
                        "OutputPath":"$.Payload","End":true}}},
                    "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject",
                      "Parameters":{"Bucket":"results","Prefix":"runs"}},
                    "ResultPath":"$.written","Next":"Summarise"},
                  "Summarise":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                    "Parameters":{"FunctionName":"summarise","Payload":{"key.$":"$.written.ResultWriterDetails.Key"}},
                    "OutputPath":"$.Payload","End":true}}}""";
        ExecutionResult r = engines.run(definition, "{\"bucket\":\"raw-dumps\",\"manifest\":\"manifest.csv\"}");

        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output().asText()).startsWith("wrote runs/").endsWith("/manifest.json");
        assertThat(r.mapRuns()).hasSize(1);
        assertThat(r.mapRuns().get(0).path("itemCounts").path("succeeded").asInt()).isEqualTo(3);
        assertThat(r.mapRuns().get(0).path("itemCounts").path("resultsWritten").asInt()).isEqualTo(3);
        assertThat(r.history()).extracting(HistoryEvent::type)
                .contains("MapRunStarted", "MapRunSucceeded", "TaskSucceeded", "ExecutionSucceeded");
        assertThat(transform.calls).as("3 batches of 3, 3 and 1 rows, the first retried once").hasValue(4);
        String key = r.output().asText().substring("wrote ".length());
        JsonNode manifest = Json.parse(s3.text("results", key));
        JsonNode results = Json.parse(s3.text("results",
                manifest.path("ResultFiles").path("SUCCEEDED").get(0).path("Key").asText()));
        assertThat(results).hasSize(3);
        int rows = 0;
        for (JsonNode child : results) {
            JsonNode payload = Json.parse(child.path("Output").asText());
            assertThat(payload.path("run").asText()).as("BatchInput carries the execution name").isEqualTo("exec-1");
            rows += payload.path("rows").asInt();
        }
        assertThat(rows).as("every manifest row reached a batch").isEqualTo(7);
    }
}
