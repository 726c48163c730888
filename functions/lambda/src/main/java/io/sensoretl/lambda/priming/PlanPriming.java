package io.sensoretl.lambda.priming;

import io.sensoretl.lambda.PlanHandler;
import java.io.IOException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Primes {@code plan}: the EventBridge "Object Created" event of an upload, a HEAD and a ranged GET
 * (compression sniffing) of it, the default contract, chunk planning, and the manifest's PutObject.
 */
public final class PlanPriming extends Priming {

    @Override
    public String run() throws IOException {
        byte[] object = TransformPriming.sampleChunk();
        CannedHttpClient http = new CannedHttpClient(call -> switch (call.method()) {
            case "HEAD" -> S3Answers.head(object.length, TransformPriming.ETAG);
            case "GET" -> S3Answers.range(call, object, TransformPriming.ETAG);
            case "PUT" -> S3Answers.put(call);
            default -> throw CannedHttpClient.unexpected(call, "plan");
        });
        try (S3Client s3 = CannedClients.s3(http)) {
            String event = "{\"version\":\"0\",\"detail-type\":\"Object Created\",\"source\":\"aws.s3\","
                    + "\"detail\":{\"bucket\":{\"name\":\"" + TransformPriming.BUCKET + "\"},\"object\":{\"key\":\""
                    + TransformPriming.KEY + "\",\"size\":" + object.length + ",\"etag\":\"priming\"}},"
                    + "\"workBucket\":\"priming-data\"}";
            String out = invoke(new PlanHandler(s3), "plan", event);
            requireCalls(http, "S3");
            return out;
        }
    }
}
