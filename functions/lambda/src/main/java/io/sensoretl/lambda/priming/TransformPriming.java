package io.sensoretl.lambda.priming;

import io.sensoretl.generate.DumpGenerator;
import io.sensoretl.lambda.TransformHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Primes {@code transform}: a 200-record chunk (some of them bad, so the rejects path runs too)
 * read through ranged GETs, validated, written as ZSTD Parquet and uploaded with PutObject.
 */
public final class TransformPriming extends Priming {
    static final String BUCKET = "priming-source";
    static final String KEY = "incoming/priming.ndjson";
    static final String ETAG = "\"priming\"";

    @Override
    public String run() throws IOException {
        byte[] chunk = sampleChunk();
        CannedHttpClient http = new CannedHttpClient(call -> switch (call.method()) {
            case "GET" -> S3Answers.range(call, chunk, ETAG);
            case "PUT" -> S3Answers.put(call);
            default -> throw CannedHttpClient.unexpected(call, "transform");
        });
        try (S3Client s3 = CannedClients.s3(http)) {
            String event = "{\"chunk\":{\"runId\":\"run-priming\",\"index\":0,\"bucket\":\"" + BUCKET + "\",\"key\":\"" + KEY
                    + "\",\"etag\":\"" + ETAG.replace("\"", "\\\"") + "\",\"size\":" + chunk.length + ",\"start\":0,\"end\":"
                    + chunk.length + ",\"compression\":\"none\",\"splittable\":true,\"sourceDate\":\"2024-01-01\"},"
                    + "\"outputBucket\":\"priming-data\"}";
            String out = invoke(new TransformHandler(s3), "transform", event);
            requireCalls(http, "S3");
            return out;
        }
    }

    static byte[] sampleChunk() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DumpGenerator(7, 0.05).writeRecords(out, 200);
        return out.toByteArray();
    }

}
