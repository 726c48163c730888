package io.sensoretl.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.aws.ContractSource;
import io.sensoretl.aws.S3Clients;
import io.sensoretl.aws.S3RangeSource;
import io.sensoretl.aws.S3TransformOutputs;
import io.sensoretl.chunk.ChunkDescriptor;
import io.sensoretl.transform.ChunkStats;
import io.sensoretl.transform.ChunkTransformer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The {@code transform} Lambda: one chunk of the manifest in, staged Parquet and rejects out, the
 * chunk's stats returned. The event is {@code {"chunk": <manifest item>, "outputBucket", "contract"}}
 * or the manifest item itself (settings then come from OUTPUT_BUCKET and CONTRACT_URI).
 */
public final class TransformHandler implements RequestStreamHandler {
    private final S3Client s3;
    private final ContractSource contracts;

    public TransformHandler() {
        this(S3Clients.fromEnvironment());
    }

    public TransformHandler(S3Client s3) {
        this.s3 = s3;
        this.contracts = new ContractSource(s3);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Json.write(output, transform(Json.read(input)));
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
