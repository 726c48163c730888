package io.sensoretl.lambda.priming;

import io.sensoretl.compact.CuratedLayout;
import io.sensoretl.lambda.LatestReadingsHandler;
import io.sensoretl.latest.LatestLines;
import io.sensoretl.latest.LatestReading;
import io.sensoretl.latest.aws.DynamoDbLatestReadings;
import io.sensoretl.store.aws.S3ObjectStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Primes {@code latest-readings}: listing and reading a run's newest-readings file from S3, merging it
 * and upserting each series with a conditional UpdateItem.
 */
public final class LatestReadingsPriming extends Priming {

    @Override
    public String run() throws IOException {
        List<LatestReading> readings = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            readings.add(new LatestReading(String.format("sensor-%04d", i), i % 2 == 0 ? "temperature" : "humidity",
                    1_709_251_200_000_000L + i, 20.5 + i, i % 2 == 0 ? "degC" : "percent", "run-priming"));
        }
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        LatestLines.write(readings, lines);
        byte[] file = lines.toByteArray();
        String key = CuratedLayout.latestKey("run-priming", "2024-03-01", 0);
        CannedHttpClient s3Http = new CannedHttpClient(call -> switch (call.method()) {
            case "GET" -> call.hasQuery("list-type") ? S3Answers.list(List.of(key), file.length)
                    : S3Answers.range(call, file, TransformPriming.ETAG);
            default -> throw CannedHttpClient.unexpected(call, "latest-readings");
        });
        CannedHttpClient dynamoHttp = new CannedHttpClient(call -> switch (call.operation()) {
            case "UpdateItem" -> DynamoDbAnswers.empty();
            default -> throw CannedHttpClient.unexpected(call, "latest-readings");
        });
        // one writer thread: priming must leave no pool behind
        java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (S3Client s3 = CannedClients.s3(s3Http); DynamoDbClient dynamo = DynamoDbAnswers.client(dynamoHttp)) {
            String out = invoke(new LatestReadingsHandler(new S3ObjectStore(s3, "priming-data"),
                    new DynamoDbLatestReadings(dynamo, "priming-latest", writers)),
                    "latest-readings", "{\"runId\":\"run-priming\"}");
            requireCalls(s3Http, "S3");
            requireCalls(dynamoHttp, "DynamoDB");
            return out;
        } finally {
            writers.shutdownNow();
        }
    }
}
