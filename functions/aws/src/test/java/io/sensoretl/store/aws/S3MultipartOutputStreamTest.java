package io.sensoretl.store.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.testing.EmbeddedS3;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class S3MultipartOutputStreamTest {
    private static final int PART = 5 * 1024 * 1024;
    private EmbeddedS3 s3;

    @BeforeEach
    void start() throws Exception {
        s3 = EmbeddedS3.inMemory().bucket("data");
    }

    @AfterEach
    void stop() throws Exception {
        s3.close();
    }

    private byte[] object(String key) {
        return s3.client().getObjectAsBytes(b -> b.bucket("data").key(key)).asByteArray();
    }

    private int uploadsInProgress() {
        return s3.client().listMultipartUploads(b -> b.bucket("data")).uploads().size();
    }

    private static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + i / 7);
        }
        return b;
    }

    @Test
    void aSmallObjectHoldsOnlyASmallBufferAndIsOnePutObject() throws Exception {
        S3MultipartOutputStream out = new S3MultipartOutputStream(s3.client(), "data", "runs/r/manifest.json",
                "application/json", PART);
        out.write("[{\"index\":0}]".getBytes());
        assertThat(out.bufferBytes()).isEqualTo(S3MultipartOutputStream.INITIAL_BUFFER_BYTES);
        assertThat(uploadsInProgress()).isZero();
        out.close();
        assertThat(new String(object("runs/r/manifest.json"))).isEqualTo("[{\"index\":0}]");
        assertThat(s3.client().headObject(b -> b.bucket("data").key("runs/r/manifest.json")).contentType())
                .isEqualTo("application/json");
    }

    @Test
    void theBufferGrowsToOnePartAndLargerObjectsGoInPartsByteForByte() throws Exception {
        byte[] data = pattern(2 * PART + 12_345);
        S3MultipartOutputStream out = new S3MultipartOutputStream(s3.client(), "data", "big.bin",
                "application/octet-stream", PART);
        out.write(data, 0, 100_000);
        assertThat(out.bufferBytes()).isGreaterThan(S3MultipartOutputStream.INITIAL_BUFFER_BYTES).isLessThan(PART);
        for (int i = 100_000; i < PART + 10; i++) {
            out.write(data[i]);
        }
        assertThat(out.bufferBytes()).isEqualTo(PART);
        assertThat(uploadsInProgress()).isEqualTo(1);
        out.write(data, PART + 10, data.length - PART - 10);
        assertThat(out.size()).isEqualTo(data.length);
        out.close();
        assertThat(Arrays.equals(object("big.bin"), data)).isTrue();
        assertThat(uploadsInProgress()).isZero();
    }

    @Test
    void anAbortedUploadLeavesNothingBehind() throws Exception {
        S3MultipartOutputStream out = new S3MultipartOutputStream(s3.client(), "data", "big.bin",
                "application/octet-stream", PART);
        out.write(pattern(PART + 1));
        out.abort();
        assertThat(uploadsInProgress()).isZero();
        assertThat(s3.client().listObjectsV2(b -> b.bucket("data")).contents()).isEmpty();
    }
}
