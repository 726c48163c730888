package io.sensoretl.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.aws.S3Clients;
import io.sensoretl.aws.S3Layout;
import io.sensoretl.aws.Settings;
import io.sensoretl.chunk.ChunkDescriptor;
import io.sensoretl.contract.ContractSource;
import io.sensoretl.store.aws.S3ObjectStore;
import io.sensoretl.telemetry.Invocation;
import io.sensoretl.telemetry.MetricNames;
import io.sensoretl.telemetry.Telemetry;
import io.sensoretl.transform.ChunkBytes;
import io.sensoretl.transform.ChunkStats;
import io.sensoretl.transform.ChunkTransformer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import org.crac.Resource;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The {@code transform} Lambda: one chunk of the manifest in, staged Parquet and rejects out, the
 * chunk's stats returned ({@link ChunkStats}). The event is {@code {"chunk": <manifest item>,
 * "outputBucket", "contract"}} or the manifest item itself (then OUTPUT_BUCKET and CONTRACT_URI are
 * taken from the settings).
 */
public final class TransformHandler implements RequestStreamHandler {
    /** What the step is asked: one chunk of the manifest, where its output goes, under which contract. */
    public record Request(ChunkDescriptor chunk, String outputBucket, String contract) {
        public static Request parse(JsonNode event, Settings settings) throws IOException {
            JsonNode item = event.has("chunk") ? event.get("chunk") : event;
            ChunkDescriptor chunk = Json.MAPPER.treeToValue(item, ChunkDescriptor.class);
            if (chunk.bucket() == null || chunk.key() == null || chunk.runId() == null || chunk.sourceDate() == null) {
                throw new IllegalArgumentException("the chunk descriptor needs runId, bucket, key and sourceDate, got " + item);
            }
            String outputBucket = Optional.ofNullable(Json.field(event, "outputBucket"))
                    .or(() -> settings.optional("OUTPUT_BUCKET")).orElseThrow(() -> new IllegalArgumentException(
                            "missing 'outputBucket' in the event (or OUTPUT_BUCKET in the environment)"));
            String contract = Optional.ofNullable(Json.field(event, "contract")).or(() -> settings.optional("CONTRACT_URI"))
                    .orElse(null);
            return new Request(chunk, outputBucket, contract);
        }
    }

    private final S3Client s3;
    private final ContractSource contracts;
    private final Settings settings;
    private final Telemetry telemetry;
    /** Held here because the CRaC context keeps resources only weakly. */
    private Resource priming;

    /** The Lambda entry point: settings from the environment, SnapStart priming registered. */
    public TransformHandler() {
        this(Settings.of(System.getenv()));
        this.priming = SnapStart.register(LambdaFunction.TRANSFORM);
    }

    /** The AWS wiring of these settings. */
    public TransformHandler(Settings settings) {
        this(S3Clients.from(settings), settings, Telemetry.stdout(settings.optional("POWERTOOLS_SERVICE_NAME")));
    }

    /** Without settings or telemetry: the local runtime's and the tests' default (the event says everything). */
    public TransformHandler(S3Client s3) {
        this(s3, Settings.none(), Telemetry.silent());
    }

    public TransformHandler(S3Client s3, Telemetry telemetry) {
        this(s3, Settings.none(), telemetry);
    }

    public TransformHandler(S3Client s3, Settings settings, Telemetry telemetry) {
        this.s3 = s3;
        this.contracts = new ContractSource(bucket -> new S3ObjectStore(s3, bucket));
        this.settings = settings;
        this.telemetry = telemetry;
    }

    /**
     * Metrics per chunk (dimension Function=transform): RecordsIn, RecordsValid, RecordsRejected (also
     * per Reason), BytesRead, ChunkDurationMs; log fields runId, chunkIndex, sourceKey.
     */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Instrumented.handle(input, output, context, telemetry, LambdaFunction.TRANSFORM.functionName(), "chunk transformed",
                (event, inv) -> {
                    Request request = Request.parse(event, settings);
                    inv.field(Invocation.RUN_ID, request.chunk().runId())
                            .field(Invocation.CHUNK_INDEX, request.chunk().index())
                            .field(Invocation.SOURCE_KEY, request.chunk().key());
                    ChunkStats s = transform(request);
                    inv.field("partitions", s.partitions())
                            .count(MetricNames.RECORDS_IN, s.records())
                            .count(MetricNames.RECORDS_VALID, s.valid())
                            .count(MetricNames.RECORDS_REJECTED, s.rejected())
                            .bytes(MetricNames.BYTES_READ, s.bytes())
                            .millis(MetricNames.CHUNK_DURATION_MS, inv.elapsedMillis())
                            .rejectedByReason(s.rejectedByReason());
                    return s;
                });
    }

    public ChunkStats transform(JsonNode event) throws IOException {
        return transform(Request.parse(event, settings));
    }

    public ChunkStats transform(Request request) throws IOException {
        ChunkDescriptor chunk = request.chunk();
        var contract = contracts.get(request.contract());
        return new ChunkTransformer(contract).transform(chunk, new ChunkBytes(new S3ObjectStore(s3, chunk.bucket()), chunk),
                S3Layout.chunkOutputs(new S3ObjectStore(s3, request.outputBucket()), chunk));
    }
}
