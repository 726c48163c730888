package io.sensoretl.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** What the local S3 answers to wrong or missing credentials (the SQS endpoint answers alike: LocalSqsCredentialsTest). */
class LocalS3CredentialsTest {
    @TempDir
    static Path dir;

    private static LocalS3 s3;

    @BeforeAll
    static void start() {
        s3 = LocalS3.start(dir.resolve("s3"), 0);
        s3.ensureBucket(DataDir.SOURCE_BUCKET);
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    @ParameterizedTest
    @CsvSource({"anonymous, , AccessDenied", "AKIAUNKNOWN, sensor-etl-local-secret, InvalidAccessKeyId",
        "sensor-etl-local, not-the-secret, SignatureDoesNotMatch"})
    void wrongOrMissingCredentialsAreRefusedWith403(String key, String secret, String code) {
        AwsCredentialsProvider credentials = key.equals("anonymous") ? AnonymousCredentialsProvider.create()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret));
        try (S3Client client = S3Client.builder().endpointOverride(s3.endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build()) {
            S3Exception e = catchThrowableOfType(S3Exception.class,
                    () -> client.listObjectsV2(b -> b.bucket(DataDir.SOURCE_BUCKET)));
            assertThat(e).isNotNull();
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        }
    }
}
