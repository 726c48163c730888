package io.sensoretl.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * The DynamoDB and Glue clients of the finalisation handlers: the lean URL-connection HTTP client on
 * Lambda, or a DynamoDB-compatible endpoint when {@code SENSOR_ETL_DYNAMODB_ENDPOINT} is set.
 */
public final class AwsClients {
    private AwsClients() {}

    public static final String DYNAMODB_ENDPOINT_ENV = "SENSOR_ETL_DYNAMODB_ENDPOINT";

    public static DynamoDbClient dynamoDbFromEnvironment() {
        String endpoint = System.getenv(DYNAMODB_ENDPOINT_ENV);
        if (endpoint != null && !endpoint.isBlank()) {
            return DynamoDbClient.builder()
                    .endpointOverride(URI.create(endpoint))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
        }
        return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    public static GlueClient glueFromEnvironment() {
        return GlueClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    public static String requiredEnv(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return v;
    }
}
