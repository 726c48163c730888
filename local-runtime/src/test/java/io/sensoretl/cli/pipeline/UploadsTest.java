package io.sensoretl.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.local.DataDir;
import io.sensoretl.local.LocalS3;
import io.sensoretl.store.aws.S3MultipartOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What run and demo upload to the local S3 arrives whole, whatever its size. */
class UploadsTest {
    @TempDir
    Path dir;

    @Test
    void aDumpLargerThanAPartIsUploadedInPartsAsTheAwsCliDoesAndArrivesWhole() throws Exception {
        // S3 takes at most 5 GiB in one PutObject: a large dump must go in parts; three parts prove the path
        Path dump = dir.resolve("big.ndjson");
        byte[] block = new byte[1 << 20];
        new Random(7).nextBytes(block);
        long size = 2L * S3MultipartOutputStream.DEFAULT_PART_BYTES + 12_345;
        try (OutputStream out = Files.newOutputStream(dump)) {
            for (long written = 0; written < size; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
        try (LocalS3 s3 = LocalS3.startInMemory()) {
            s3.ensureBucket(DataDir.SOURCE_BUCKET);
            Uploads.Location at = Uploads.dump(s3.client(), dump.toString());

            assertThat(at.uri()).isEqualTo("s3://" + DataDir.SOURCE_BUCKET + "/" + DataDir.UPLOAD_PREFIX + "big.ndjson");
            var head = s3.client().headObject(b -> b.bucket(at.bucket()).key(at.key()));
            assertThat(head.contentLength()).isEqualTo(size);
            assertThat(head.eTag()).as("a multipart upload's ETag counts its parts").endsWith("-3\"");
            byte[] stored = s3.client().getObjectAsBytes(b -> b.bucket(at.bucket()).key(at.key())).asByteArray();
            assertThat(stored).isEqualTo(Files.readAllBytes(dump));
        }
    }
}
