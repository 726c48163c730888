package io.sensoretl.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.testing.EmbeddedS3;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The client of an S3-compatible endpoint, against the embedded S3Proxy every test module uses. */
class S3ClientsTest {
    /**
     * Each PUT must find a usable connection at its first attempt: when the server closes the
     * connection of the previous PUT behind the client's back, a PUT fails ("Error writing request
     * body to server"), which with retries shows only as a flaky test now and then.
     */
    @Test
    void putsInARowSucceedAtTheirFirstAttempt() throws Exception {
        AwsRetries oneAttempt = new AwsRetries(1, AwsRetries.STANDARD.baseDelay(), AwsRetries.STANDARD.throttledBaseDelay(),
                AwsRetries.STANDARD.maxDelay(), AwsRetries.STANDARD.jitter());
        try (EmbeddedS3 s3 = EmbeddedS3.inMemory().bucket("data");
             S3Client client = S3Clients.forEndpoint(s3.endpoint(), EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY, oneAttempt)) {
            List<String> failed = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String key = "k-" + i;
                int size = new int[] {0, 1, 300, 20_000}[i % 4];
                try {
                    client.putObject(b -> b.bucket("data").key(key), RequestBody.fromBytes(new byte[size]));
                } catch (RuntimeException e) {
                    failed.add(key + " (" + size + " bytes): " + e.getMessage());
                }
            }
            assertThat(failed).as("PUTs that failed at their only attempt").isEmpty();
            assertThat(client.headObject(b -> b.bucket("data").key("k-199")).contentLength()).isEqualTo(20_000);
        }
    }
}
