package io.sensoretl.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.aws.ContractSource;
import io.sensoretl.aws.S3Clients;
import io.sensoretl.aws.S3RangeSource;
import io.sensoretl.aws.S3TransformOutputs;
import io.sensoretl.chunk.ChunkDescriptor;
import io.sensoretl.telemetry.Invocation;
import io.sensoretl.telemetry.MetricNames;
import io.sensoretl.telemetry.Telemetry;
import io.sensoretl.transform.ChunkStats;
import io.sensoretl.transform.ChunkTransformer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.crac.Resource;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The {@code transform} Lambda: one chunk of the manifest in, staged Parquet and rejects out, the
 * chunk's stats returned. The event is {@code {"chunk": <manifest item>, "outputBucket", "contract"}}
 * or the manifest item itself (settings then come from OUTPUT_BUCKET and CONTRACT_URI).
 */
public final class TransformHandler implements RequestStreamHandler {
    private final S3Client s3;
    private final ContractSource contracts;
    private final Telemetry telemetry;
    /** Held here because the CRaC context keeps resources only weakly. */
    private Resource priming;

    /** The Lambda entry point: AWS clients from the environment, SnapStart priming registered. */
    public TransformHandler() {
        this(S3Clients.fromEnvironment(), Telemetry.stdout());
        this.priming = SnapStart.register(LambdaFunction.TRANSFORM);
    }

    /** Without telemetry: the local runtime's and the tests' default. */
    public TransformHandler(S3Client s3) {
        this(s3, Telemetry.silent());
    }

    public TransformHandler(S3Client s3, Telemetry telemetry) {
        this.s3 = s3;
        this.contracts = new ContractSource(s3);
        this.telemetry = telemetry;
    }

    /**
     * Metrics per chunk (dimension Function=transform): RecordsIn, RecordsValid, RecordsRejected (also
     * per Reason), BytesRead, ChunkDurationMs; log fields runId, chunkIndex, sourceKey.
     */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Instrumented.handle(input, output, context, telemetry, LambdaFunction.TRANSFORM.functionName(), "chunk transformed", (event, inv) -> {
            JsonNode item = event.has("chunk") ? event.get("chunk") : event;
            inv.field(Invocation.RUN_ID, Json.field(item, "runId"))
                    .field(Invocation.CHUNK_INDEX, item.path("index").isIntegralNumber() ? item.get("index").asInt() : null)
                    .field(Invocation.SOURCE_KEY, Json.field(item, "key"));
            ChunkStats s = transform(event);
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
        JsonNode item = event.has("chunk") ? event.get("chunk") : event;
        ChunkDescriptor chunk = Json.MAPPER.treeToValue(item, ChunkDescriptor.class);
        if (chunk.bucket() == null || chunk.key() == null || chunk.runId() == null || chunk.sourceDate() == null) {
            throw new IllegalArgumentException("the chunk descriptor needs runId, bucket, key and sourceDate, got " + item);
        }
        String outputBucket = Json.required(event, "outputBucket", "OUTPUT_BUCKET");
        var contract = contracts.get(Json.setting(event, "contract", "CONTRACT_URI"));
        return new ChunkTransformer(contract).transform(chunk, new S3RangeSource(s3, chunk), new S3TransformOutputs(s3, outputBucket, chunk));
    }
}
