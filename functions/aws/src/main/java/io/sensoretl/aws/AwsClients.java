package io.sensoretl.aws;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Every AWS client of the functions is configured here, once: the lean URL-connection HTTP client,
 * its timeouts, and the one retry policy ({@link AwsRetries#STANDARD}). DynamoDB can point at a
 * compatible endpoint ({@code SENSOR_ETL_DYNAMODB_ENDPOINT} in the function's {@link Settings}); S3
 * clients come from {@link S3Clients} with the same configuration.
 *
 * <p>Bounds, so that no SDK call outlasts its function (docs/workflow.md, "Retries"): a connection
 * is given {@link #CONNECT_TIMEOUT}, a response {@link #READ_TIMEOUT} between bytes; a DynamoDB,
 * Glue or Step Functions call {@link #ATTEMPT_TIMEOUT} per attempt and {@link #CALL_TIMEOUT} in all. S3 calls have no
 * call-level timeout (a GET hands its body to the caller as a stream, an upload part may be slow),
 * so one attempt that never answers ends after the connect and read timeouts.
 */
public final class AwsClients {
    public static final String DYNAMODB_ENDPOINT_ENV = "SENSOR_ETL_DYNAMODB_ENDPOINT";

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private AwsClients() {}

    /** The retry policy of every client; tests may replace only its jitter. */
    public static AwsRetries retries() {
        return AwsRetries.STANDARD;
    }

    /** The longest any one SDK call of the functions can take, retries included. */
    public static Duration worstCaseCall() {
        Duration s3 = retries().worstCaseCall(CONNECT_TIMEOUT.plus(READ_TIMEOUT));
        Duration jsonServices = CALL_TIMEOUT;
        return s3.compareTo(jsonServices) > 0 ? s3 : jsonServices;
    }

    public static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(READ_TIMEOUT).build();
    }

    /** The override configuration of S3 clients: the retry policy, no call-level timeouts. */
    public static ClientOverrideConfiguration s3Overrides(AwsRetries retries) {
        return ClientOverrideConfiguration.builder().retryStrategy(retries.strategy()).build();
    }

    /** The override configuration of DynamoDB and Glue clients: the retry policy and the call timeouts. */
    public static ClientOverrideConfiguration overrides(AwsRetries retries) {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(retries.strategy())
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .apiCallTimeout(CALL_TIMEOUT)
                .build();
    }

    /** Applies the functions' HTTP client and overrides to a DynamoDB or Glue client builder. */
    public static <B extends AwsClientBuilder<B, C> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>, C>
            B configure(B builder, AwsRetries retries) {
        return builder.httpClient(httpClient()).overrideConfiguration(overrides(retries));
    }

    /** The DynamoDB client for these settings: a compatible endpoint when {@link #DYNAMODB_ENDPOINT_ENV} is set. */
    public static DynamoDbClient dynamoDb(Settings settings) {
        return settings.optional(DYNAMODB_ENDPOINT_ENV).map(endpoint -> dynamoDb(URI.create(endpoint), "local", "local"))
                .orElseGet(() -> configure(DynamoDbClient.builder(), retries()).build());
    }

    /** A DynamoDB client for a compatible endpoint (dynalite, DynamoDB Local), with static credentials. */
    public static DynamoDbClient dynamoDb(URI endpoint, String accessKey, String secretKey) {
        return configure(DynamoDbClient.builder(), retries())
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .build();
    }

    public static GlueClient glue() {
        return configure(GlueClient.builder(), retries()).build();
    }

    /** Step Functions, asked by record-run whether the execution holding a run still runs. */
    public static SfnClient stepFunctions() {
        return configure(SfnClient.builder(), retries()).build();
    }
}
