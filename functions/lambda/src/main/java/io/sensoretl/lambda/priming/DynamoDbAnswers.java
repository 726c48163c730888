package io.sensoretl.lambda.priming;

import io.sensoretl.aws.AwsClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** DynamoDB's side of the primings: its JSON protocol answers and the client over them. */
final class DynamoDbAnswers {
    private DynamoDbAnswers() {}

    static DynamoDbClient client(CannedHttpClient http) {
        return DynamoDbClient.builder().httpClient(http).region(CannedClients.REGION)
                .credentialsProvider(CannedClients.CREDENTIALS)
                .overrideConfiguration(AwsClients.overrides(AwsClients.retries())).build();
    }

    /** The answer to a call that returns nothing the caller reads (a conditional put or delete that passed). */
    static CannedHttpClient.Answer empty() {
        return CannedHttpClient.Answer.json("{}");
    }

    /** The answer to an UpdateItem with ReturnValues ALL_NEW: the item as DynamoDB JSON. */
    static CannedHttpClient.Answer updated(String itemJson) {
        return CannedHttpClient.Answer.json("{\"Attributes\":" + itemJson + "}");
    }
}
