package io.sensoretl.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Builds the S3 clients the handlers use, configured by {@link AwsClients} (HTTP client, timeouts, the
 * one retry policy): the default endpoint on Lambda, or a path-style client against an S3-compatible
 * endpoint when {@code SENSOR_ETL_S3_ENDPOINT} is set (the local runtime and tests).
 */
public final class S3Clients {
    private S3Clients() {}

    public static final String ENDPOINT_ENV = "SENSOR_ETL_S3_ENDPOINT";
    /** The credentials {@link #from(Settings)} signs with when {@link #ENDPOINT_ENV} is set, unless the two below say others. */
    public static final String LOCAL_ACCESS_KEY = "local-identity";
    public static final String LOCAL_SECRET_KEY = "local-credential";
    /** Other credentials for {@link #ENDPOINT_ENV}, e.g. those `./sensor-etl serve` prints (sam local invoke against it). */
    public static final String ACCESS_KEY_ENV = "SENSOR_ETL_S3_ACCESS_KEY_ID";
    public static final String SECRET_KEY_ENV = "SENSOR_ETL_S3_SECRET_ACCESS_KEY";

    /** The client for these settings: the S3-compatible endpoint {@link #ENDPOINT_ENV} when set, else AWS's. */
    public static S3Client from(Settings settings) {
        return settings.optional(ENDPOINT_ENV).map(endpoint -> forEndpoint(URI.create(endpoint),
                        settings.optional(ACCESS_KEY_ENV).orElse(LOCAL_ACCESS_KEY), settings.optional(SECRET_KEY_ENV).orElse(LOCAL_SECRET_KEY)))
                .orElseGet(() -> S3Client.builder().httpClient(AwsClients.httpClient())
                        .overrideConfiguration(AwsClients.s3Overrides(AwsClients.retries())).build());
    }

    /** A client for an S3-compatible server (S3Proxy locally): path-style, static credentials. */
    public static S3Client forEndpoint(URI endpoint, String accessKey, String secretKey) {
        return forEndpoint(endpoint, accessKey, secretKey, AwsClients.retries());
    }

    /**
     * As {@link #forEndpoint(URI, String, String)}, with this retry policy (tests: one attempt).
     *
     * <p>Uploads send their body as it is, not in aws-chunked encoding (the signed body is hashed
     * once, up front; our bodies are byte arrays and files, so it is read twice at most). S3Proxy
     * 4.1 answers an aws-chunked PUT before it has read the whole encoded body, and its Jetty then
     * closes the connection without saying so ({@code Connection: close}); the JDK's HTTP client
     * keeps it as reusable and hands it to the next request. A PUT cannot be replayed by
     * HttpURLConnection (its body is streamed; only streaming POSTs are checked for a dead
     * connection), so that PUT fails with "Error writing request body to server" or "Unexpected
     * end of file from server": one PUT in five or six against S3Proxy, and a failed call when
     * three attempts in a row meet such connections. AWS's own endpoint keeps the SDK's default
     * (aws-chunked with a trailing checksum), which S3 reads in full.
     */
    static S3Client forEndpoint(URI endpoint, String accessKey, String secretKey, AwsRetries retries) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .httpClient(AwsClients.httpClient())
                .overrideConfiguration(AwsClients.s3Overrides(retries))
                .build();
    }
}
