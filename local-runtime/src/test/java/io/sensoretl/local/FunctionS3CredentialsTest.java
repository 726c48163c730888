package io.sensoretl.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.aws.S3Clients;
import io.sensoretl.aws.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** A function pointed at serve's S3 (sam local invoke) signs with the credentials serve prints when told to. */
class FunctionS3CredentialsTest {

    @Test
    void aFunctionSignsWithTheCredentialsItsEnvironmentNames() {
        try (LocalS3 s3 = LocalS3.startInMemory()) {
            s3.ensureBucket("bucket-b");
            String endpoint = s3.endpoint().toString();
            try (S3Client told = S3Clients.from(Settings.of(Map.of(S3Clients.ENDPOINT_ENV, endpoint,
                    S3Clients.ACCESS_KEY_ENV, LocalS3.ACCESS_KEY, S3Clients.SECRET_KEY_ENV, LocalS3.SECRET_KEY)))) {
                assertThat(told.listBuckets().buckets()).anyMatch(b -> b.name().equals("bucket-b"));
            }
            try (S3Client untold = S3Clients.from(Settings.of(Map.of(S3Clients.ENDPOINT_ENV, endpoint)))) {
                assertThatThrownBy(untold::listBuckets).isInstanceOf(S3Exception.class)
                        .satisfies(e -> assertThat(((S3Exception) e).awsErrorDetails().errorCode()).isEqualTo("InvalidAccessKeyId"));
            }
        }
    }
}
