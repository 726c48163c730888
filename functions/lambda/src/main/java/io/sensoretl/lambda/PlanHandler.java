package io.sensoretl.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.aws.S3Clients;
import io.sensoretl.aws.S3Layout;
import io.sensoretl.aws.S3Sources;
import io.sensoretl.aws.Settings;
import io.sensoretl.chunk.ChunkDescriptor;
import io.sensoretl.chunk.ChunkPlanner;
import io.sensoretl.chunk.SourceObject;
import io.sensoretl.chunk.SourceVersion;
import io.sensoretl.contract.ContractSource;
import io.sensoretl.plan.PlanResult;
import io.sensoretl.store.ObjectOutput;
import io.sensoretl.store.aws.S3ObjectStore;
import io.sensoretl.telemetry.Invocation;
import io.sensoretl.telemetry.MetricNames;
import io.sensoretl.telemetry.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.crac.Resource;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The {@code plan} Lambda: turns an uploaded object (an EventBridge "Object Created" event, or
 * {@code {"bucket","key"}}) or a prefix ({@code {"bucket","prefix"}}) into a chunk manifest in S3 and
 * returns only its location and counts ({@link PlanResult}).
 *
 * <p>Settings (event field, else setting): {@code workBucket}/WORK_BUCKET for the manifest
 * (default: the source bucket), {@code contract}/CONTRACT_URI, {@code chunkBytes}/CHUNK_TARGET_BYTES.
 */
public final class PlanHandler implements RequestStreamHandler {
    /** What the step is asked: exactly one of {@code key} and {@code prefix}; the settings already applied. */
    public record Request(String bucket, String key, String prefix, String workBucket, String contract, long chunkBytes) {
        public static Request parse(JsonNode event, Settings settings) {
            Optional<ObjectCreated> upload = ObjectCreated.from(event);
            String bucket = upload.map(ObjectCreated::bucket).orElseGet(() -> Json.field(event, "bucket"));
            if (bucket == null) {
                throw new IllegalArgumentException("the plan event needs 'bucket' (or an EventBridge Object Created 'detail')");
            }
            String key = upload.map(ObjectCreated::key).orElseGet(() -> Json.field(event, "key"));
            String prefix = upload.isPresent() ? null : Json.field(event, "prefix");
            if ((key == null) == (prefix == null)) {
                throw new IllegalArgumentException("the plan event needs exactly one of 'key' or 'prefix', got "
                        + (key == null ? "neither" : "both"));
            }
            String workBucket = Optional.ofNullable(Json.field(event, "workBucket"))
                    .or(() -> settings.optional("WORK_BUCKET")).orElse(bucket);
            String contract = Optional.ofNullable(Json.field(event, "contract")).or(() -> settings.optional("CONTRACT_URI"))
                    .orElse(null);
            JsonNode chunkBytes = event.get("chunkBytes");
            long target = chunkBytes != null && chunkBytes.canConvertToLong() ? chunkBytes.asLong()
                    : settings.longValue("CHUNK_TARGET_BYTES", ChunkPlanner.DEFAULT_TARGET_BYTES);
            return new Request(bucket, key, prefix, workBucket, contract, target);
        }
    }

    private final S3Client s3;
    private final ContractSource contracts;
    private final Settings settings;
    private final Telemetry telemetry;

    /** Held here because the CRaC context keeps resources only weakly. */
    private Resource priming;

    /** The Lambda entry point: settings from the environment, SnapStart priming registered. */
    public PlanHandler() {
        this(Settings.of(System.getenv()));
        this.priming = SnapStart.register(LambdaFunction.PLAN);
    }

    /** The AWS wiring of these settings. */
    public PlanHandler(Settings settings) {
        this(S3Clients.from(settings), settings, Telemetry.stdout(settings.optional("POWERTOOLS_SERVICE_NAME")));
    }

    /** Without settings or telemetry: the local runtime's and the tests' default (the event says everything). */
    public PlanHandler(S3Client s3) {
        this(s3, Settings.none(), Telemetry.silent());
    }

    public PlanHandler(S3Client s3, Telemetry telemetry) {
        this(s3, Settings.none(), telemetry);
    }

    public PlanHandler(S3Client s3, Settings settings, Telemetry telemetry) {
        this.s3 = s3;
        this.contracts = new ContractSource(bucket -> new S3ObjectStore(s3, bucket));
        this.settings = settings;
        this.telemetry = telemetry;
    }

    /** Metrics (dimension Function=plan): ChunksPlanned, SourceObjects, SourceBytes; log fields runId, sourceKey. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Instrumented.handle(input, output, context, telemetry, LambdaFunction.PLAN.functionName(), "run planned",
                (event, inv) -> {
                    Request request = Request.parse(event, settings);
                    inv.field(Invocation.SOURCE_KEY, request.key() != null ? request.key() : request.prefix());
                    PlanResult r = plan(request);
                    inv.field(Invocation.RUN_ID, r.runId())
                            .field("manifestKey", r.manifestKey())
                            .count(MetricNames.CHUNKS_PLANNED, r.chunks())
                            .count(MetricNames.SOURCE_OBJECTS, r.objects())
                            .bytes(MetricNames.SOURCE_BYTES, r.bytes());
                    return r;
                });
    }

    public PlanResult plan(JsonNode event) {
        return plan(Request.parse(event, settings));
    }

    public PlanResult plan(Request request) {
        S3Sources sources = new S3Sources(s3);
        List<SourceObject> objects = request.key() != null ? List.of(sources.object(request.bucket(), request.key()))
                : sources.prefix(request.bucket(), request.prefix());
        if (objects.isEmpty()) {
            throw new IllegalArgumentException("no objects under s3://" + request.bucket() + "/" + request.prefix());
        }
        var contract = contracts.get(request.contract());
        String runId = SourceVersion.runIdOf(objects.stream().map(SourceObject::version).toList());
        List<ChunkDescriptor> chunks = new ChunkPlanner(contract.format(), request.chunkBytes()).plan(runId, objects);
        String manifestKey = S3Layout.manifestKey(runId);
        byte[] manifest;
        try {
            manifest = Json.MAPPER.writeValueAsBytes(chunks);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the manifest", e);
        }
        // visible only once closed, so the map never reads half a manifest; one PutObject (application/json)
        try (ObjectOutput out = new S3ObjectStore(s3, request.workBucket()).create(manifestKey)) {
            out.write(manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the manifest s3://" + request.workBucket() + "/" + manifestKey, e);
        }
        long bytes = objects.stream().mapToLong(SourceObject::size).sum();
        int empty = (int) objects.stream().filter(o -> o.size() == 0).count();
        return new PlanResult(runId, request.workBucket(), manifestKey, objects.size(), empty, chunks.size(), bytes);
    }
}
