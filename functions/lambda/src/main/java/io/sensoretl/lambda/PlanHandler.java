package io.sensoretl.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.aws.ContractSource;
import io.sensoretl.aws.S3Clients;
import io.sensoretl.aws.S3Layout;
import io.sensoretl.aws.S3Sources;
import io.sensoretl.chunk.ChunkDescriptor;
import io.sensoretl.chunk.ChunkPlanner;
import io.sensoretl.chunk.RunId;
import io.sensoretl.chunk.SourceObject;
import io.sensoretl.plan.PlanResult;
import io.sensoretl.telemetry.Invocation;
import io.sensoretl.telemetry.MetricNames;
import io.sensoretl.telemetry.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.crac.Resource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The {@code plan} Lambda: turns an uploaded object (an EventBridge "Object Created" event, or
 * {@code {"bucket","key"}}) or a prefix ({@code {"bucket","prefix"}}) into a chunk manifest in S3 and
 * returns only its location and counts.
 *
 * <p>Settings (event field, else environment): {@code workBucket}/WORK_BUCKET for the manifest
 * (default: the source bucket), {@code contract}/CONTRACT_URI, {@code chunkBytes}/CHUNK_TARGET_BYTES.
 */
public final class PlanHandler implements RequestStreamHandler {
    private final S3Client s3;
    private final ContractSource contracts;
    private final Telemetry telemetry;

    /** Held here because the CRaC context keeps resources only weakly. */
    private Resource priming;

    /** The Lambda entry point: AWS clients from the environment, SnapStart priming registered. */
    public PlanHandler() {
        this(S3Clients.fromEnvironment(), Telemetry.stdout());
        this.priming = SnapStart.register(LambdaFunction.PLAN);
    }

    /** Without telemetry: the local runtime's and the tests' default. */
    public PlanHandler(S3Client s3) {
        this(s3, Telemetry.silent());
    }

    public PlanHandler(S3Client s3, Telemetry telemetry) {
        this.s3 = s3;
        this.contracts = new ContractSource(s3);
        this.telemetry = telemetry;
    }

    /** Metrics (dimension Function=plan): ChunksPlanned, SourceObjects, SourceBytes; log fields runId, sourceKey. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Instrumented.handle(input, output, context, telemetry, LambdaFunction.PLAN.functionName(), "run planned", (event, inv) -> {
            JsonNode detail = event.path("detail");
            String key = detail.path("object").path("key").isTextual() ? detail.path("object").path("key").asText()
                    : Json.field(event, "key") != null ? Json.field(event, "key") : Json.field(event, "prefix");
            inv.field(Invocation.SOURCE_KEY, key);
            PlanResult r = plan(event);
            inv.field(Invocation.RUN_ID, r.runId())
                    .field("manifestKey", r.manifestKey())
                    .count(MetricNames.CHUNKS_PLANNED, r.chunks())
                    .count(MetricNames.SOURCE_OBJECTS, r.objects())
                    .bytes(MetricNames.SOURCE_BYTES, r.bytes());
            return r;
        });
    }

    public PlanResult plan(JsonNode event) {
        JsonNode detail = event.path("detail");
        String bucket;
        List<SourceObject> objects;
        S3Sources sources = new S3Sources(s3);
        if (detail.has("bucket") && detail.has("object")) {
            bucket = detail.path("bucket").path("name").asText();
            objects = List.of(sources.object(bucket, detail.path("object").path("key").asText()));
        } else {
            bucket = Json.field(event, "bucket");
            if (bucket == null) {
                throw new IllegalArgumentException("the plan event needs 'bucket' (or an EventBridge Object Created 'detail')");
            }
            String key = Json.field(event, "key");
            String prefix = Json.field(event, "prefix");
            if ((key == null) == (prefix == null)) {
                throw new IllegalArgumentException("the plan event needs exactly one of 'key' or 'prefix', got "
                        + (key == null ? "neither" : "both"));
            }
            objects = key != null ? List.of(sources.object(bucket, key)) : sources.prefix(bucket, prefix);
            if (objects.isEmpty()) {
                throw new IllegalArgumentException("no objects under s3://" + bucket + "/" + prefix);
            }
        }
        String workBucket = Json.setting(event, "workBucket", "WORK_BUCKET");
        workBucket = workBucket == null ? bucket : workBucket;
        long target = chunkBytes(event);
        var contract = contracts.get(Json.setting(event, "contract", "CONTRACT_URI"));
        String runId = RunId.of(objects);
        List<ChunkDescriptor> chunks = new ChunkPlanner(contract.format(), target).plan(runId, objects);
        String manifestKey = S3Layout.manifestKey(runId);
        String target0 = workBucket;
        try {
            byte[] manifest = Json.MAPPER.writeValueAsBytes(chunks);
            s3.putObject(b -> b.bucket(target0).key(manifestKey).contentType("application/json"), RequestBody.fromBytes(manifest));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the manifest", e);
        }
        long bytes = objects.stream().mapToLong(SourceObject::size).sum();
        int empty = (int) objects.stream().filter(o -> o.size() == 0).count();
        return new PlanResult(runId, workBucket, manifestKey, objects.size(), empty, chunks.size(), bytes);
    }

    private static long chunkBytes(JsonNode event) {
        JsonNode n = event.get("chunkBytes");
        if (n != null && n.canConvertToLong()) {
            return n.asLong();
        }
        String env = System.getenv("CHUNK_TARGET_BYTES");
        return env == null ? ChunkPlanner.DEFAULT_TARGET_BYTES : Long.parseLong(env.trim());
    }
}
