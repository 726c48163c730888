package io.sensoretl.lambda.priming;

import io.sensoretl.aws.AwsClients;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The priming's AWS client settings: configured like the handlers' own clients (default endpoints,
 * virtual-hosted S3, {@link AwsClients}' retry policy and timeouts) but with fixed credentials and region, so priming reads no environment, profile
 * or instance metadata. DynamoDB and Glue clients are built in the primings that use them, so a jar
 * without those services never links against them.
 */
final class CannedClients {
    static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming"));
    static final Region REGION = Region.US_EAST_1;

    private CannedClients() {}

    static S3Client s3(SdkHttpClient http) {
        return S3Client.builder().httpClient(http).region(REGION).credentialsProvider(CREDENTIALS)
                .overrideConfiguration(AwsClients.s3Overrides(AwsClients.retries())).build();
    }
}
