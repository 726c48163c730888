package io.sensoretl.lambda.priming;

import io.sensoretl.lambda.CloseRunHandler;
import io.sensoretl.ledger.aws.DynamoDbRunLedger;
import io.sensoretl.store.aws.S3ObjectStore;
import io.sensoretl.telemetry.Telemetry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Primes {@code close-run}: recording a succeeded run with its counts (a conditional UpdateItem) and
 * exporting the closed entry to S3 for the runs table (PutObject).
 */
public final class CloseRunPriming extends Priming {
    private static final String SUCCEEDED_ITEM = "{\"state\":{\"S\":\"SUCCEEDED\"},\"run_id\":{\"S\":\"run-priming\"},"
            + "\"execution_id\":{\"S\":\"priming\"},\"started_at\":{\"N\":\"1704067200000\"},"
            + "\"ended_at\":{\"N\":\"1704067260000\"},\"attempt\":{\"N\":\"1\"},\"counts\":{\"M\":{\"records\":{\"N\":\"200\"},"
            + "\"valid\":{\"N\":\"189\"},\"rejected\":{\"N\":\"11\"},\"dead_lettered_chunks\":{\"N\":\"0\"}}},"
            + "\"output_partitions\":{\"L\":[{\"S\":\"2024-03-01\"}]}}";

    @Override
    public String run() throws IOException {
        CannedHttpClient http = new CannedHttpClient(call -> switch (call.operation()) {
            case "UpdateItem" -> DynamoDbAnswers.updated(SUCCEEDED_ITEM);
            default -> throw CannedHttpClient.unexpected(call, "close-run");
        });
        CannedHttpClient s3Http = new CannedHttpClient(call -> switch (call.method()) {
            case "PUT" -> S3Answers.put(call);
            default -> throw CannedHttpClient.unexpected(call, "close-run");
        });
        try (DynamoDbClient dynamo = DynamoDbAnswers.client(http); S3Client s3 = CannedClients.s3(s3Http)) {
            DynamoDbRunLedger ledger = new DynamoDbRunLedger(dynamo, "priming-ledger", Clock.systemUTC(),
                    Duration.ofHours(6));
            String out = invoke(new CloseRunHandler(ledger, Telemetry.silent(), new S3ObjectStore(s3, "priming-data")), "close-run",
                    "{\"bucket\":\"priming-source\",\"key\":\"incoming/priming.ndjson\",\"etag\":\"priming\","
                            + "\"executionId\":\"priming\",\"status\":\"SUCCEEDED\",\"counts\":{\"records\":200,"
                            + "\"valid\":189,\"rejected\":11,\"deadLetteredChunks\":0},\"partitions\":[\"2024-03-01\"]}");
            requireCalls(http, "DynamoDB");
            requireCalls(s3Http, "S3");
            return out;
        }
    }
}
