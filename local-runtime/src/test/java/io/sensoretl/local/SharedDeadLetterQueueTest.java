package io.sensoretl.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.cli.AwsCli;
import io.sensoretl.cli.CliRun;
import io.sensoretl.cli.SeparateJvm;
import io.sensoretl.generate.DumpGenerator;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One dead-letter queue per data dir: while `serve` runs, its queue is the one `dlq list|redrive`,
 * `run` and the AWS CLI see; the queue state is written as it changes, so it outlives serve, a crash of
 * serve, and is shared by commands running at the same time.
 */
class SharedDeadLetterQueueTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void whileServeRunsDlqListSeesItsLiveQueueAndTheMessagesOutliveIt() throws Exception {
        String data = dir.resolve("data").toString();
        String id;
        try (CliRun.Background serve = CliRun.background("serve", "--json", "--poll-interval", "0.2", "--data-dir", data)) {
            JsonNode endpoints = JSON.readTree(serve.awaitLine(START));
            String dlqUrl = endpoints.path("deadLetterQueueUrl").asText();
            try (SqsClient sqs = sqsClient(URI.create(endpoints.path("sqsEndpoint").asText()))) {
                id = sqs.sendMessage(b -> b.queueUrl(dlqUrl).messageBody(deadLetter("run-live", 3))).messageId();
            }

            JsonNode listed = dlqList(data);
            assertThat(listed.path("queueUrl").asText()).as("the live queue, not a copy").isEqualTo(dlqUrl);
            assertThat(listed.path("count").asInt()).isEqualTo(1);
            assertThat(listed.path("chunks").get(0).path("messageId").asText()).isEqualTo(id);
            assertThat(listed.path("chunks").get(0).path("chunk").asInt()).isEqualTo(3);
            assertThat(dlqList(data).path("count").asInt()).as("listing leaves the messages in the queue").isEqualTo(1);

            CliRun stopped = serve.stop();
            assertThat(stopped.exit()).as(stopped.err()).isZero();
        }
        JsonNode afterServe = dlqList(data);
        assertThat(afterServe.path("count").asInt()).isEqualTo(1);
        assertThat(afterServe.path("chunks").get(0).path("messageId").asText()).as("the same message, not a re-sent copy")
                .isEqualTo(id);
    }

    @Test
    void theAwsCliSendsToAndReceivesFromServesLiveQueue() throws Exception {
        Assumptions.assumeTrue(AwsCli.available(), "the AWS CLI (aws) is not installed; on Debian: apt-get install -y awscli");
        String data = dir.resolve("data").toString();
        try (CliRun.Background serve = CliRun.background("serve", "--json", "--poll-interval", "0.2", "--data-dir", data)) {
            JsonNode endpoints = JSON.readTree(serve.awaitLine(START));
            String sqsEndpoint = endpoints.path("sqsEndpoint").asText();
            String dlqUrl = endpoints.path("deadLetterQueueUrl").asText();

            AwsCli.Result sent = AwsCli.run(dir, "sqs", "send-message", "--endpoint-url", sqsEndpoint, "--queue-url", dlqUrl,
                    "--message-body", deadLetter("run-cli", 5));
            assertThat(sent.exit()).as(sent.err()).isZero();
            String id = JSON.readTree(sent.out()).path("MessageId").asText();
            JsonNode listed = dlqList(data);
            assertThat(listed.path("count").asInt()).isEqualTo(1);
            assertThat(listed.path("chunks").get(0).path("messageId").asText()).isEqualTo(id);

            AwsCli.Result received = AwsCli.run(dir, "sqs", "receive-message", "--endpoint-url", sqsEndpoint, "--queue-url",
                    dlqUrl, "--visibility-timeout", "0");
            assertThat(received.exit()).as(received.err()).isZero();
            assertThat(JSON.readTree(received.out()).path("Messages").get(0).path("MessageId").asText()).isEqualTo(id);
            assertThat(serve.stop().exit()).isZero();
        }
    }

    @Test
    void messagesServeAcknowledgedSurviveServeBeingKilled() throws Exception {
        String data = dir.resolve("data").toString();
        List<String> ids = new ArrayList<>();
        try (SeparateJvm serve = SeparateJvm.sensorEtl(dir.resolve("serve.err"), "serve", "--json", "--poll-interval", "1",
                "--data-dir", data)) {
            JsonNode endpoints = JSON.readTree(serve.awaitLine(START));
            String dlqUrl = endpoints.path("deadLetterQueueUrl").asText();
            try (SqsClient sqs = sqsClient(URI.create(endpoints.path("sqsEndpoint").asText()))) {
                for (int chunk = 0; chunk < 3; chunk++) {
                    int c = chunk;
                    ids.add(sqs.sendMessage(b -> b.queueUrl(dlqUrl).messageBody(deadLetter("run-killed", c))).messageId());
                }
            }
            serve.kill();
        }

        JsonNode listed = dlqList(data);
        assertThat(listed.path("count").asInt()).isEqualTo(3);
        List<String> listedIds = new ArrayList<>();
        listed.path("chunks").forEach(c -> listedIds.add(c.path("messageId").asText()));
        assertThat(listedIds).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void redriveWhileServeRunsTakesTheChunksOutOfTheLiveQueue() throws Exception {
        DataDir data = new DataDir(dir.resolve("data"));
        try (CliRun.Background serve = CliRun.background("serve", "--json", "--poll-interval", "0.2", "--data-dir",
                data.root().toString())) {
            JsonNode endpoints = JSON.readTree(serve.awaitLine(START));
            ByteArrayOutputStream dump = new ByteArrayOutputStream();
            new DumpGenerator(5, 0.02, 10).writeRecords(dump, 2_000);
            // a run on the live endpoints whose chunk 1 fails for good: its dead letter lands in serve's queue
            try (LocalServices attached = LocalServices.open(data, 0, 0);
                    LocalPipeline pipeline = new LocalPipeline(attached, new LocalPipeline.Settings(2, true),
                            new FlakyTransform(Set.of(), 0, Set.of(1)))) {
                assertThat(attached.sqsEndpoint().toString()).isEqualTo(endpoints.path("sqsEndpoint").asText());
                assertThat(attached.deadLetterQueueUrl()).isEqualTo(endpoints.path("deadLetterQueueUrl").asText());
                attached.s3().putObject(b -> b.bucket(DataDir.SOURCE_BUCKET).key("manual/dump.ndjson"),
                        RequestBody.fromBytes(dump.toByteArray()));
                RunReport report = RunReport.of(pipeline.run(DataDir.SOURCE_BUCKET, "manual/dump.ndjson",
                        new RunOptions(null, (long) dump.size() / 4, false)), data);
                assertThat(report.chunksDeadLettered()).as(report.toString()).isEqualTo(1);
            }
            assertThat(dlqList(data.root().toString()).path("count").asInt()).isEqualTo(1);

            CliRun redrive = CliRun.of("dlq", "redrive", "--json", "--data-dir", data.root().toString());
            assertThat(redrive.exit()).as(redrive.err()).isZero();
            assertThat(JSON.readTree(redrive.out()).path("redriven").asInt()).isEqualTo(1);
            assertThat(dlqList(data.root().toString()).path("count").asInt()).isZero();
            try (SqsClient sqs = sqsClient(URI.create(endpoints.path("sqsEndpoint").asText()))) {
                var attributes = sqs.getQueueAttributes(b -> b.queueUrl(endpoints.path("deadLetterQueueUrl").asText())
                        .attributeNamesWithStrings("All")).attributesAsStrings();
                assertThat(attributes.get("ApproximateNumberOfMessages")).isEqualTo("0");
                assertThat(attributes.get("ApproximateNumberOfMessagesNotVisible")).isEqualTo("0");
            }
            assertThat(serve.stop().exit()).isZero();
        }
    }

    @Test
    void aSecondServeOnTheSameDataDirIsRefusedNamingTheFirst() throws Exception {
        String data = dir.resolve("data").toString();
        try (CliRun.Background serve = CliRun.background("serve", "--json", "--data-dir", data)) {
            JsonNode endpoints = JSON.readTree(serve.awaitLine(START));

            CliRun second = CliRun.of("serve", "--stop-after-runs", "0", "--data-dir", data);
            assertThat(second.exit()).isEqualTo(2);
            assertThat(second.err().strip()).doesNotContain("\n").contains("already running")
                    .contains("pid " + ProcessHandle.current().pid()).contains(endpoints.path("s3Endpoint").asText());
            assertThat(serve.running()).isTrue();
            assertThat(serve.stop().exit()).isZero();
        }
    }

    @Test
    void withoutServeTwoProcessesUsingTheQueueAtOnceShareOneState() throws Exception {
        DataDir data = new DataDir(dir.resolve("data"));
        try (SeparateJvm other = SeparateJvm.main(dir.resolve("other.err"), HoldQueueState.class.getName(),
                data.root().toString(), deadLetter("run-other", 0))) {
            String first = other.awaitLine(START).substring("ready ".length());
            try (LocalServices stack = LocalServices.open(data, 0, 0)) {
                DeadLetterQueue dlq = new DeadLetterQueue(stack.sqs(), stack.deadLetterQueueUrl());
                assertThat(dlq.list()).extracting(DeadLetter::messageId).as("what the other process dead-lettered")
                        .containsExactly(first);
                String second = stack.sqs().sendMessage(b -> b.queueUrl(stack.deadLetterQueueUrl())
                        .messageBody(deadLetter("run-here", 1))).messageId();
                other.closeInput();
                assertThat(other.waitFor(Duration.ofSeconds(60))).isZero();
                // the process that opened the state first has ended: this one goes on with it
                String third = stack.sqs().sendMessage(b -> b.queueUrl(stack.deadLetterQueueUrl())
                        .messageBody(deadLetter("run-here", 2))).messageId();
                assertThat(dlq.list()).extracting(DeadLetter::messageId).containsExactlyInAnyOrder(first, second, third);
            }
        }
        assertThat(dlqList(data.root().toString()).path("count").asInt()).isEqualTo(3);
    }

    @Test
    void messagesAnEarlierVersionSavedAtShutdownAreImportedOnce() throws Exception {
        DataDir data = new DataDir(dir.resolve("data"));
        java.nio.file.Files.createDirectories(data.sqs());
        java.nio.file.Files.writeString(data.sqs().resolve(DataDir.DLQ_NAME + ".json"),
                JSON.writeValueAsString(List.of(deadLetter("run-old", 4))));

        assertThat(dlqList(data.root().toString()).path("chunks").get(0).path("runId").asText()).isEqualTo("run-old");
        JsonNode again = dlqList(data.root().toString());
        assertThat(again.path("count").asInt()).as("imported once, not at every start").isEqualTo(1);
        assertThat(data.sqs().resolve(DataDir.DLQ_NAME + ".json")).doesNotExist();
        assertThat(data.sqs().resolve(DataDir.DLQ_NAME + ".json.imported")).exists();
    }

    private static JsonNode dlqList(String data) throws Exception {
        CliRun list = CliRun.of("dlq", "list", "--json", "--data-dir", data);
        assertThat(list.exit()).as(list.err()).isZero();
        return JSON.readTree(list.out());
    }

    /** A message as the workflow's "Send chunk to dead-letter queue" state writes it. */
    static String deadLetter(String runId, int chunk) {
        ObjectNode descriptor = JSON.createObjectNode().put("runId", runId).put("index", chunk)
                .put("bucket", DataDir.SOURCE_BUCKET).put("key", "incoming/dump.ndjson")
                .put("start", chunk * 1000L).put("end", chunk * 1000L + 1000);
        ObjectNode message = JSON.createObjectNode();
        message.set("chunk", descriptor);
        return message.put("outputBucket", DataDir.DATA_BUCKET)
                .put("executionId", "arn:aws:states:us-east-1:123456789012:execution:sensor-etl:" + runId)
                .put("error", "java.lang.IllegalStateException")
                .put("cause", "{\"errorMessage\":\"injected\",\"errorType\":\"java.lang.IllegalStateException\"}")
                .toString();
    }

    static SqsClient sqsClient(URI endpoint) {
        return SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalS3.ACCESS_KEY,
                        LocalS3.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }
}
