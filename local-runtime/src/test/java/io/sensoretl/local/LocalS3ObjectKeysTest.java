package io.sensoretl.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The local S3 keeps objects as files, so a key whose path segments the file system would resolve
 * ({@code ..}, {@code .}, an empty segment) must be refused as S3 refuses a bad argument: HTTP 400 and
 * an XML error naming the key, never a file outside its prefix, another object's file or an HTTP 500.
 */
class LocalS3ObjectKeysTest {
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    @TempDir
    static Path root;

    private static LocalS3 s3;
    private static S3Client client;
    /** A fresh bucket per test, so each sees only its own files. */
    private String bucket;
    private Path dir;

    @BeforeAll
    static void start() {
        s3 = LocalS3.start(root.resolve("s3"), 0);
        client = s3.client();
    }

    @BeforeEach
    void bucket() {
        bucket = "keys-" + BUCKETS.incrementAndGet();
        s3.ensureBucket(bucket);
        dir = root.resolve("s3").resolve(bucket);
        // the directory incoming/a exists: a ".." key would resolve inside the bucket, beside incoming/
        client.putObject(b -> b.bucket(bucket).key("incoming/a/existing.ndjson"), RequestBody.fromString("{}\n"));
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"incoming/a/../../X.ndjson", "incoming/../../X.ndjson", "../X.ndjson", "incoming/a/..",
        "incoming/./X.ndjson", "incoming//X.ndjson", "/incoming/X.ndjson"})
    void aKeyWithDotOrEmptySegmentsIsABadArgumentThroughTheSdk(String key) throws Exception {
        S3Exception e = catchThrowableOfType(S3Exception.class,
                () -> client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("{}\n")));

        assertThat(e).as("PUT %s", key).isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
        assertThat(e.awsErrorDetails().errorMessage()).contains(key);
        assertThat(filesUnder(dir)).containsExactly("incoming/a/existing.ndjson");
        assertThat(filesUnder(root.resolve("s3"))).as("nothing outside the buckets").allMatch(f -> f.startsWith("keys-"));

        S3Exception get = catchThrowableOfType(S3Exception.class, () -> client.getObjectAsBytes(b -> b.bucket(bucket).key(key)));
        assertThat(get.statusCode()).isEqualTo(400);
        assertThat(get.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
        S3Exception delete = catchThrowableOfType(S3Exception.class, () -> client.deleteObject(b -> b.bucket(bucket).key(key)));
        assertThat(delete.statusCode()).isEqualTo(400);
        S3Exception multipart = catchThrowableOfType(S3Exception.class,
                () -> client.createMultipartUpload(b -> b.bucket(bucket).key(key)));
        assertThat(multipart.statusCode()).isEqualTo(400);
    }

    @Test
    void aDotDotKeyIsABadArgumentOverRawHttpWithAnS3XmlErrorNamingTheKey() throws Exception {
        String key = "incoming/a/../../X.ndjson";
        RawHttp put = RawHttp.s3(s3.endpoint(), "PUT", "/" + bucket + "/" + key, "{}\n".getBytes(StandardCharsets.UTF_8));

        assertThat(put.status()).as(put.body()).isEqualTo(400);
        assertThat(put.headers().get("content-type")).contains("xml");
        assertThat(put.body()).contains("<Code>InvalidArgument</Code>").contains("<Message>").contains(key)
                .contains("<ArgumentName>key</ArgumentName>").contains("<ArgumentValue>" + key + "</ArgumentValue>");
        assertThat(filesUnder(dir)).containsExactly("incoming/a/existing.ndjson");
        assertThat(filesUnder(root.resolve("s3"))).as("nothing outside the buckets").allMatch(f -> f.startsWith("keys-"));

        RawHttp get = RawHttp.s3(s3.endpoint(), "GET", "/" + bucket + "/" + key, new byte[0]);
        assertThat(get.status()).isEqualTo(400);
        assertThat(get.body()).contains("<Code>InvalidArgument</Code>");
    }

    @Test
    void copyAndBatchDeleteCheckEveryKeyTheyName() throws Exception {
        S3Exception copyFrom = catchThrowableOfType(S3Exception.class, () -> client.copyObject(b -> b
                .sourceBucket(bucket).sourceKey("incoming/a/../a/existing.ndjson").destinationBucket(bucket)
                .destinationKey("incoming/copy.ndjson")));
        assertThat(copyFrom.statusCode()).isEqualTo(400);
        assertThat(copyFrom.awsErrorDetails().errorMessage()).contains("incoming/a/../a/existing.ndjson");

        S3Exception copyTo = catchThrowableOfType(S3Exception.class, () -> client.copyObject(b -> b
                .sourceBucket(bucket).sourceKey("incoming/a/existing.ndjson").destinationBucket(bucket)
                .destinationKey("incoming/a/../../copy.ndjson")));
        assertThat(copyTo.statusCode()).isEqualTo(400);

        var deleted = catchThrowableOfType(S3Exception.class, () -> client.deleteObjects(b -> b.bucket(bucket)
                .delete(d -> d.objects(ObjectIdentifier.builder().key("incoming/a/../a/existing.ndjson").build()))));
        assertThat(deleted).isNotNull();
        assertThat(deleted.statusCode()).isEqualTo(400);
        assertThat(filesUnder(dir)).containsExactly("incoming/a/existing.ndjson");
        assertThat(filesUnder(root.resolve("s3"))).as("nothing outside the buckets").allMatch(f -> f.startsWith("keys-"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"incoming/a..b/x.ndjson", "incoming/.hidden", "incoming/v1.2/...ndjson", "incoming/..x",
        "incoming/dir/", "incoming/%2e%2e/x"})
    void keysWithDotsThatAreNotWholeSegmentsAreOrdinaryKeys(String key) {
        client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("{}\n"));

        assertThat(client.listObjectsV2(b -> b.bucket(bucket).prefix("incoming/")).contents()).extracting(S3Object::key)
                .contains(key);
        if (!key.endsWith("/")) {
            assertThat(client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String()).isEqualTo("{}\n");
        }
    }

    private static List<String> filesUnder(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted()
                    .toList();
        }
    }
}
