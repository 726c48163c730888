package io.sensoretl.lambda.priming;

import io.sensoretl.lambda.RunResultsHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Primes {@code run-results}: reading a Distributed Map's ResultWriter manifest and results file from
 * S3 (one chunk transformed, one dead-lettered), adding them up, and looking for the dead-lettered
 * chunk's partial output.
 */
public final class RunResultsPriming extends Priming {
    private static final String MANIFEST = "runs/run-priming/map/manifest.json";
    private static final String SUCCEEDED = "runs/run-priming/map/SUCCEEDED_0.json";

    @Override
    public String run() throws IOException {
        String input0 = "{\\\"chunk\\\":{\\\"index\\\":0,\\\"runId\\\":\\\"run-priming\\\",\\\"sourceDate\\\":\\\"2024-01-01\\\"}}";
        String input1 = input0.replace("\\\"index\\\":0", "\\\"index\\\":1");
        String output0 = "{\\\"chunk\\\":0,\\\"sourceRecords\\\":200,\\\"records\\\":200,\\\"valid\\\":189,\\\"rejected\\\":11,"
                + "\\\"rejectedByReason\\\":{\\\"missing_field\\\":11},\\\"partitions\\\":[\\\"dt=2024-03-01\\\"],\\\"files\\\":[]}";
        String output1 = "{\\\"chunk\\\":1,\\\"deadLettered\\\":true,\\\"error\\\":\\\"java.io.IOException\\\"}";
        Map<String, byte[]> objects = Map.of(
                MANIFEST, ("{\"DestinationBucket\":\"priming-data\",\"MapRunArn\":\"arn:aws:states:us-east-1:000000000000:mapRun:priming\","
                        + "\"ResultFiles\":{\"FAILED\":[],\"PENDING\":[],\"SUCCEEDED\":[{\"Key\":\"" + SUCCEEDED + "\",\"Size\":1}]}}")
                        .getBytes(StandardCharsets.UTF_8),
                SUCCEEDED, ("[{\"Status\":\"SUCCEEDED\",\"Input\":\"" + input0 + "\",\"Output\":\"" + output0 + "\"},"
                        + "{\"Status\":\"SUCCEEDED\",\"Input\":\"" + input1 + "\",\"Output\":\"" + output1 + "\"}]")
                        .getBytes(StandardCharsets.UTF_8));
        CannedHttpClient http = new CannedHttpClient(call -> {
            if (!call.method().equals("GET")) {
                throw CannedHttpClient.unexpected(call, "run-results");
            }
            if (call.hasQuery("list-type")) {
                List<String> prefix = call.request().rawQueryParameters().getOrDefault("prefix", List.of(""));
                byte[] found = objects.get(prefix.get(0));
                return found == null ? S3Answers.list(List.of(), 0) : S3Answers.list(List.of(prefix.get(0)), found.length);
            }
            byte[] body = objects.get(URLDecoder.decode(call.path().substring(1), StandardCharsets.UTF_8));
            if (body == null) {
                throw CannedHttpClient.unexpected(call, "run-results");
            }
            return S3Answers.range(call, body, TransformPriming.ETAG);
        });
        try (S3Client s3 = CannedClients.s3(http)) {
            String out = invoke(new RunResultsHandler(s3), "run-results",
                    "{\"runId\":\"run-priming\",\"bucket\":\"priming-data\",\"manifestKey\":\"" + MANIFEST + "\",\"plannedChunks\":2}");
            requireCalls(http, "S3");
            return out;
        }
    }
}
