package io.sensoretl.asl.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.engine.AslEngine;
import io.sensoretl.asl.engine.ExecutionRequest;
import io.sensoretl.asl.engine.ExecutionResult;
import io.sensoretl.asl.engine.StateMachine;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.time.VirtualTimeSource;
import io.sensoretl.asl.validation.InvalidDefinitionException;
import io.sensoretl.asl.services.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;

/**
 * Runs conformance vectors: seeds S3, binds each Lambda behaviour to an in-process handler, runs
 * on virtual time (no real sleeping) with the vector's names, and compares with AWS's outcome.
 */
public final class VectorRunner {
    private static final Instant VIRTUAL_START = Instant.parse("2024-01-01T00:00:00Z");
    private final ObjectStore s3;
    private final ExecutorService executor;

    /** @param s3 where S3 objects of vectors are put; null fails the vectors that need S3, saying so */
    public VectorRunner(ObjectStore s3, ExecutorService executor) {
        this.s3 = s3;
        this.executor = executor;
    }

    public VectorOutcome run(ConformanceVector v) {
        JsonNode got;
        try {
            got = execute(v);
        } catch (InvalidDefinitionException e) {
            got = Json.object().put("status", "INVALID_DEFINITION").put("error", e.getMessage());
        } catch (RuntimeException e) {
            got = Json.object().put("status", "ENGINE_ERROR").put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        List<String> mismatches = OutcomeComparison.compare(v.expected(), got, v.placeholderPaths());
        return new VectorOutcome(v.name(), v.features(), mismatches.isEmpty(), v.expected(), got, mismatches);
    }

    private JsonNode execute(ConformanceVector v) {
        if (v.usesS3()) {
            if (s3 == null) {
                throw new IllegalStateException("vector needs S3 but no S3 client was given");
            }
            seed(v);
        }
        JsonNode ctx = v.context();
        VirtualTimeSource time = new VirtualTimeSource(VIRTUAL_START);
        AslEngine engine = AslEngine.builder()
                .time(time)
                .random(new SplittableRandom(v.name().hashCode()))
                .executor(executor)
                .objectStore(s3)
                .lambdaRegion(ctx.path("region").asText("us-east-1"), ctx.path("accountId").asText("111111111111"))
                .build();
        for (JsonNode fn : v.lambdas()) {
            engine.lambdas().register(fn.path("functionName").asText(),
                    BehaviourHandlers.forBehaviour(fn.path("behaviour"), time));
        }
        StateMachine machine = AslEngine.load(v.definition());
        ExecutionResult result = engine.execute(machine, new ExecutionRequest(v.input(), text(ctx, "executionName"),
                text(ctx, "stateMachineName"), text(ctx, "region"), text(ctx, "accountId"), text(ctx, "partition"),
                text(ctx, "roleArn")));
        ObjectNode summary = result.summary();
        return summary;
    }

    private void seed(ConformanceVector v) {
        for (String bucket : v.s3Buckets()) {
            s3.createBucket(bucket);
        }
        Iterator<Map.Entry<String, JsonNode>> it = v.s3Objects().properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            int slash = e.getKey().indexOf('/');
            String bucket = e.getKey().substring(0, slash);
            String key = e.getKey().substring(slash + 1);
            s3.createBucket(bucket);
            JsonNode body = e.getValue();
            String text = body.isTextual() ? body.textValue() : Json.write(body);
            s3.put(bucket, key, text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8");
        }
    }

    private static String text(JsonNode ctx, String field) {
        return ctx.hasNonNull(field) ? ctx.get(field).asText() : null;
    }
}
