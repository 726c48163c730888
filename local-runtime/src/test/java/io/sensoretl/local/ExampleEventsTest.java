package io.sensoretl.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sensoretl.asl.engine.ExecutionResult;
import io.sensoretl.lambda.LambdaFunction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The example events of events/ (for {@code sam local invoke -e events/<function>.json}) are what the
 * state machine passes each function: a local run of the production definition over the bundled sample
 * records every function's first payload and must find the files unchanged; then each handler is invoked
 * in-process with its file, against the same local stand-ins, and answers as it did in the run.
 *
 * <p>Regenerate the files after a change of the workflow's payloads:
 * {@code ./mvnw -pl local-runtime -am test -Dtest=ExampleEventsTest -Dsensoretl.events.write=true}.
 */
class ExampleEventsTest {
    static final Path REPO = Path.of(System.getProperty("sensoretl.repo.root", "..")).toAbsolutePath().normalize();
    static final Path EVENTS = REPO.resolve("events");
    static final String KEY = DataDir.UPLOAD_PREFIX + "sensor-dump.ndjson";
    /** Fixed execution name and engine seed: the same run gives the same execution and Map Run ids. */
    static final String EXECUTION_NAME = "example";
    static final long SEED = 14;
    /** Varies with the day the sample is uploaded (the source object's LastModified). */
    static final String SOURCE_DATE = "sourceDate";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @TempDir
    Path dir;

    @Test
    void eachEventIsWhatTheStateMachinePassesAndItsHandlerAcceptsIt() throws Exception {
        Map<LambdaFunction, JsonNode> inputs = new LinkedHashMap<>();
        Map<LambdaFunction, JsonNode> outputs = new LinkedHashMap<>();
        HandlerDecorator recording = (function, handler) -> (in, out, context) -> {
            byte[] payload = in.readAllBytes();
            ByteArrayOutputStream result = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(payload), result, context);
            synchronized (inputs) {
                if (!inputs.containsKey(function)) {
                    inputs.put(function, JSON.readTree(payload));
                    outputs.put(function, JSON.readTree(result.toByteArray()));
                }
            }
            out.write(result.toByteArray());
        };
        DataDir dataDir = new DataDir(dir.resolve("data"));
        try (LocalServices stack = LocalServices.start(dataDir, 0, 0);
                LocalPipeline pipeline = new LocalPipeline(stack, new LocalPipeline.Settings(1, true).withSeed(SEED), recording)) {
            stack.s3().putObject(b -> b.bucket(DataDir.SOURCE_BUCKET).key(KEY),
                    RequestBody.fromFile(REPO.resolve("test-fixtures/sample/sensor-dump.ndjson")));
            ExecutionResult run = pipeline.run(DataDir.SOURCE_BUCKET, KEY, RunOptions.DEFAULTS, EXECUTION_NAME);
            assertThat(run.status().name()).as("the sample run: %s %s", run.error(), run.cause()).isEqualTo("SUCCEEDED");
            assertThat(inputs.keySet()).containsExactlyElementsOf(pipeline.functions().handlers().keySet());

            if (Boolean.getBoolean("sensoretl.events.write")) {
                write(inputs);
            }
            for (var e : inputs.entrySet()) {
                Path file = eventFile(e.getKey());
                assertThat(file).as("the example event of %s", e.getKey()).exists();
                JsonNode expected = JSON.readTree(file.toFile());
                assertThat(withoutSourceDate(e.getValue())).as("%s is not what the state machine passes now:\n%s\n"
                                + "regenerate events/ with -Dsensoretl.events.write=true (see ExampleEventsTest)",
                        REPO.relativize(file), JSON.writeValueAsString(e.getValue()))
                        .isEqualTo(withoutSourceDate(expected));
            }

            // each handler, in workflow order, with its file as `sam local invoke -e` gives it
            for (LambdaFunction function : pipeline.functions().handlers().keySet()) {
                // as uploaded today: the file's sourceDate is the day it was written, the run's is today's
                JsonNode event = withSourceDate(JSON.readTree(eventFile(function).toFile()), inputs.get(function).findValue(SOURCE_DATE));
                JsonNode answer = invoke(pipeline.functions().handler(function), function, event);
                JsonNode during = outputs.get(function);
                switch (function) {
                    // the same state in, the same answer out
                    case PLAN, TRANSFORM, RUN_RESULTS, CLOSE_RUN -> assertThat(answer).as(function.functionName()).isEqualTo(during);
                    // the ledger already holds the run: a duplicate upload event
                    case RECORD_RUN -> {
                        assertThat(answer.path("started").asBoolean(true)).as("record-run again: %s", answer).isFalse();
                        assertThat(answer.path("runId")).isEqualTo(during.path("runId"));
                    }
                    // compaction and the latest readings already applied this run: nothing new, the same partitions
                    // (the compact function's first event is the workflow's Plan compaction)
                    case COMPACT -> {
                        assertThat(answer.path("plannedPartitions").findValuesAsText("dt")).as("plan compaction again: %s", answer)
                                .isNotEmpty().isEqualTo(during.path("plannedPartitions").findValuesAsText("dt"));
                        assertThat(answer.path("plannedPartitions").findValuesAsText("status")).containsOnly("ALREADY_APPLIED");
                    }
                    case LATEST_READINGS -> assertThat(answer.path("runId")).as("latest-readings again: %s", answer)
                            .isEqualTo(during.path("runId"));
                }
            }
        }
    }

    /** events/record-run.json for record-run. */
    static Path eventFile(LambdaFunction function) {
        return EVENTS.resolve(function.functionName() + ".json");
    }

    private static JsonNode invoke(RequestStreamHandler handler, LambdaFunction function, JsonNode event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new ByteArrayInputStream(JSON.writeValueAsBytes(event))) {
            handler.handleRequest(in, out, new io.sensoretl.lambda.local.LocalContext(LocalFunctions.functionName(function)));
        }
        return JSON.readTree(out.toByteArray());
    }

    private static void write(Map<LambdaFunction, JsonNode> inputs) throws IOException {
        Files.createDirectories(EVENTS);
        for (var e : inputs.entrySet()) {
            Files.writeString(eventFile(e.getKey()), JSON.writeValueAsString(e.getValue()) + "\n");
        }
    }

    /** A copy with every "sourceDate" value replaced, so the comparison does not depend on the day. */
    private static JsonNode withoutSourceDate(JsonNode node) {
        return withSourceDate(node, TextNode.valueOf("<day of upload>"));
    }

    /** A copy with every textual "sourceDate" set to {@code day} (unchanged where {@code day} is null). */
    static JsonNode withSourceDate(JsonNode node, JsonNode day) {
        JsonNode copy = node.deepCopy();
        if (day != null) {
            replace(copy, day);
        }
        return copy;
    }

    private static void replace(JsonNode node, JsonNode day) {
        if (node instanceof ObjectNode o) {
            if (o.has(SOURCE_DATE) && o.get(SOURCE_DATE).isTextual()) {
                o.set(SOURCE_DATE, day);
            }
            o.elements().forEachRemaining(child -> replace(child, day));
        } else if (node != null && node.isArray()) {
            node.forEach(child -> replace(child, day));
        }
    }
}
