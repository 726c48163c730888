package io.sensoretl.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sensoretl.aws.S3Clients;
import io.sensoretl.cli.AwsCli;
import io.sensoretl.cli.CliRun;
import io.sensoretl.generate.DumpGenerator;
import io.sensoretl.generate.GeneratorTruth;
import io.sensoretl.local.DataDir;
import io.sensoretl.local.LocalS3;
import io.sensoretl.local.SlowUpload;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * `serve` as a user feeds it: large and multipart uploads through the AWS SDK and the AWS CLI while it
 * polls. Nothing the watcher meets may end serve: an upload still being written is skipped until it is
 * complete, and an upload the watcher cannot handle is one line on stderr while serve goes on.
 */
class ServeUploadsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration RUNS = Duration.ofMinutes(5);
    private static final int PART = 5 * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void serveKeepsWatchingWhileAnUploadIsInFlightAndRunsItOnceItIsComplete() throws Exception {
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        GeneratorTruth truth = new DumpGenerator(7, 0.02, 10).writeRecords(dump, 20_000);
        String data = dir.resolve("data").toString();
        try (CliRun.Background serve = CliRun.background("serve", "--json", "--stop-after-runs", "1", "--poll-interval",
                "0.05", "--data-dir", data)) {
            try (S3Client s3 = client(serve)) {
                SlowUpload upload = SlowUpload.start(s3, DataDir.SOURCE_BUCKET, "incoming/slow.ndjson", dump.toByteArray());
                upload.awaitInFlight(s3, DataDir.SOURCE_BUCKET, DataDir.UPLOAD_PREFIX);
                Thread.sleep(500); // ten polls see the upload in flight
                assertThat(serve.running()).as("serve is still up while the upload is in flight").isTrue();
                upload.finish();
            }
            CliRun done = serve.await(RUNS);
            assertThat(done.exit()).as(done.err()).isZero();
            JsonNode run = lastLine(done);
            assertThat(run.path("source").asText()).isEqualTo("s3://sensor-etl-source/incoming/slow.ndjson");
            assertThat(run.path("outcome").asText()).isEqualTo("PROCESSED");
            assertThat(run.path("valid").asLong()).isEqualTo(truth.valid());
            assertThat(done.err()).doesNotContain("Exception");
        }
    }

    @Test
    void serveRunsAMultipartUploadFromTheSdkOnceWithItsMultipartEtag() throws Exception {
        Path file = dir.resolve("multi.ndjson");
        GeneratorTruth truth = dumpOfAtLeast(file, 2 * PART + 1);
        byte[] bytes = Files.readAllBytes(file);
        String data = dir.resolve("data").toString();
        try (CliRun.Background serve = CliRun.background("serve", "--json", "--stop-after-runs", "1", "--poll-interval",
                "0.02", "--data-dir", data)) {
            String etag;
            try (S3Client s3 = client(serve)) {
                String key = "incoming/sdk/multi.ndjson";
                String uploadId = s3.createMultipartUpload(b -> b.bucket(DataDir.SOURCE_BUCKET).key(key)).uploadId();
                List<CompletedPart> parts = new ArrayList<>();
                for (int n = 1, offset = 0; offset < bytes.length; n++, offset += PART) {
                    byte[] part = Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + PART));
                    int number = n;
                    String partTag = s3.uploadPart(b -> b.bucket(DataDir.SOURCE_BUCKET).key(key).uploadId(uploadId)
                            .partNumber(number), RequestBody.fromBytes(part)).eTag();
                    parts.add(CompletedPart.builder().partNumber(number).eTag(partTag).build());
                    Thread.sleep(100); // serve polls between the parts
                }
                etag = s3.completeMultipartUpload(b -> b.bucket(DataDir.SOURCE_BUCKET).key(key).uploadId(uploadId)
                        .multipartUpload(m -> m.parts(parts))).eTag();
            }
            assertThat(etag).as("a multipart ETag").endsWith("-" + parts(file) + "\"");
            CliRun done = serve.await(RUNS);
            assertThat(done.exit()).as(done.err()).isZero();
            JsonNode run = lastLine(done);
            assertThat(run.path("source").asText()).isEqualTo("s3://sensor-etl-source/incoming/sdk/multi.ndjson");
            assertThat(run.path("valid").asLong()).isEqualTo(truth.valid());
            assertThat(run.path("readings").asLong()).isEqualTo(truth.records());
        }
    }

    @Test
    void serveRunsAnAwsCliCopyAboveTheMultipartThreshold() throws Exception {
        Assumptions.assumeTrue(AwsCli.available(), "the AWS CLI (aws) is not installed; on Debian: apt-get install -y awscli");
        Path file = dir.resolve("cli.ndjson");
        GeneratorTruth truth = dumpOfAtLeast(file, PART + PART / 2);
        String data = dir.resolve("data").toString();
        try (CliRun.Background serve = CliRun.background("serve", "--json", "--poll-interval", "0.02", "--data-dir", data)) {
            JsonNode endpoints = JSON.readTree(serve.awaitLine(START));
            String s3 = endpoints.path("s3Endpoint").asText();
            AwsCli.Result copied = AwsCli.run(dir, LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY,
                    List.of("s3 =", "    multipart_threshold = 5MB", "    multipart_chunksize = 5MB"),
                    "--endpoint-url", s3, "s3", "cp", file.toString(), "s3://sensor-etl-source/incoming/cli/cli.ndjson");
            assertThat(copied.exit()).as(copied.err()).isZero();
            AwsCli.Result head = AwsCli.run(dir, "--endpoint-url", s3, "s3api", "head-object", "--bucket",
                    DataDir.SOURCE_BUCKET, "--key", "incoming/cli/cli.ndjson");
            assertThat(head.exit()).as(head.err()).isZero();
            assertThat(JSON.readTree(head.out()).path("ETag").asText()).as("the CLI uploaded it in parts")
                    .endsWith("-" + parts(file) + "\"");

            JsonNode run = JSON.readTree(serve.awaitLine(RUNS));
            assertThat(run.path("source").asText()).isEqualTo("s3://sensor-etl-source/incoming/cli/cli.ndjson");
            assertThat(run.path("valid").asLong()).isEqualTo(truth.valid());
            CliRun stopped = serve.stop();
            assertThat(stopped.exit()).as(stopped.err()).isZero();
            assertThat(stopped.out().lines().count()).as("the endpoints, then one run").isEqualTo(2);
        }
    }

    @Test
    void anUploadTheWatcherCannotHandleIsOneLineOnStderrAndServeGoesOn() throws Exception {
        DataDir data = new DataDir(dir.resolve("data"));
        Path ledger = data.root().resolve("ledger").resolve("runs.json");
        Files.createDirectories(ledger.getParent());
        Files.writeString(ledger, "{\"broken\": ");
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        GeneratorTruth truth = new DumpGenerator(3, 0.02, 5).writeRecords(dump, 500);
        try (CliRun.Background serve = CliRun.background("serve", "--json", "--stop-after-runs", "1", "--poll-interval",
                "0.05", "--data-dir", data.root().toString())) {
            try (S3Client s3 = client(serve)) {
                s3.putObject(b -> b.bucket(DataDir.SOURCE_BUCKET).key("incoming/first.ndjson"),
                        RequestBody.fromBytes(dump.toByteArray()));
                String line = serve.awaitErrLine(Duration.ofSeconds(60));
                assertThat(line).startsWith("sensor-etl serve: skipped s3://sensor-etl-source/incoming/first.ndjson (ETag ")
                        .contains("runs.json").contains("serve goes on");
                Thread.sleep(300);
                assertThat(serve.running()).isTrue();

                Files.delete(ledger);
                s3.putObject(b -> b.bucket(DataDir.SOURCE_BUCKET).key("incoming/second.ndjson"),
                        RequestBody.fromBytes(dump.toByteArray()));
            }
            CliRun done = serve.await(RUNS);
            assertThat(done.exit()).as(done.err()).isZero();
            assertThat(lastLine(done).path("source").asText()).isEqualTo("s3://sensor-etl-source/incoming/second.ndjson");
            assertThat(lastLine(done).path("valid").asLong()).isEqualTo(truth.valid());
            assertThat(done.err().lines().filter(l -> l.contains("first.ndjson")).count()).as("reported once").isEqualTo(1);
        }
    }

    /** A client of serve's S3 endpoint (from its first --json line). */
    private static S3Client client(CliRun.Background serve) throws Exception {
        JsonNode endpoints = JSON.readTree(serve.awaitLine(START));
        return S3Clients.forEndpoint(URI.create(endpoints.path("s3Endpoint").asText()), LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY);
    }

    private static JsonNode lastLine(CliRun run) throws Exception {
        return JSON.readTree(run.out().lines().reduce((a, b) -> b).orElseThrow());
    }

    /** A generated dump of at least {@code bytes} (a little more), with its truth. */
    private static GeneratorTruth dumpOfAtLeast(Path file, long bytes) throws Exception {
        ByteArrayOutputStream sample = new ByteArrayOutputStream();
        new DumpGenerator(11, 0.02, 20).writeRecords(sample, 10_000);
        for (long records = bytes * 10_000 / sample.size() * 21 / 20; ; records = records * 11 / 10) {
            GeneratorTruth truth;
            try (OutputStream out = Files.newOutputStream(file)) {
                truth = new DumpGenerator(11, 0.02, 20).writeRecords(out, (int) records);
            }
            if (Files.size(file) >= bytes) {
                return truth;
            }
        }
    }

    private static long parts(Path file) throws Exception {
        return (Files.size(file) + PART - 1) / PART;
    }
}
