package io.sensoretl.lambda.priming;

import io.sensoretl.lambda.RecordRunHandler;
import io.sensoretl.ledger.aws.DynamoDbRunLedger;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Primes {@code record-run}: claiming an upload in the ledger (a conditional UpdateItem that passes). */
public final class RecordRunPriming extends Priming {
    static final String RUNNING_ITEM = "{\"state\":{\"S\":\"RUNNING\"},\"run_id\":{\"S\":\"run-priming\"},"
            + "\"execution_id\":{\"S\":\"priming\"},\"started_at\":{\"N\":\"1704067200000\"},\"attempt\":{\"N\":\"1\"}}";

    @Override
    public String run() throws IOException {
        CannedHttpClient http = new CannedHttpClient(call -> switch (call.operation()) {
            case "UpdateItem" -> DynamoDbAnswers.updated(RUNNING_ITEM);
            default -> throw CannedHttpClient.unexpected(call, "record-run");
        });
        try (DynamoDbClient dynamo = DynamoDbAnswers.client(http)) {
            DynamoDbRunLedger ledger = new DynamoDbRunLedger(dynamo, "priming-ledger", Clock.systemUTC(),
                    Duration.ofHours(6));
            String out = invoke(new RecordRunHandler(ledger), "record-run",
                    "{\"bucket\":\"priming-source\",\"key\":\"incoming/priming.ndjson\",\"etag\":\"priming\",\"executionId\":\"priming\"}");
            requireCalls(http, "DynamoDB");
            return out;
        }
    }
}
