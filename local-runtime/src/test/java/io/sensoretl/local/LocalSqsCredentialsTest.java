package io.sensoretl.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sensoretl.cli.AwsCli;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The local SQS endpoint checks credentials as the local S3 does, and as AWS does: the local access key
 * and secret, a SigV4 signature over the request; anything else gets the error AWS returns, in the
 * protocol of the request (JSON for current SDKs and CLIs, XML for the query protocol).
 */
class LocalSqsCredentialsTest {
    @TempDir
    static Path dir;

    private static LocalSqs sqs;
    private static String queueUrl;

    @BeforeAll
    static void start() {
        sqs = LocalSqs.start(dir.resolve("sqs"), 0);
        queueUrl = sqs.ensureQueue("credentials-test");
    }

    @AfterAll
    static void stop() {
        sqs.close();
    }

    @Test
    void aClientWithTheLocalCredentialsIsServedThroughThePrintedEndpoint() {
        assertThat(URI.create(queueUrl).getPort()).as("queue URLs point at the checked endpoint").isEqualTo(sqs.endpoint().getPort());
        String id = sqs.client().sendMessage(b -> b.queueUrl(queueUrl).messageBody("hello")).messageId();
        var received = sqs.client().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
        assertThat(received).singleElement().satisfies(m -> assertThat(m.messageId()).isEqualTo(id));
        sqs.client().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(received.get(0).receiptHandle()));
    }

    @Test
    void anUnknownAccessKeyIsInvalidClientTokenIdAndNothingIsSent() {
        SqsException e = refused(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAUNKNOWN", LocalS3.SECRET_KEY)));
        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The security token included in the request is invalid.");
        assertThat(messagesIn()).isZero();
    }

    @Test
    void aWrongSecretIsSignatureDoesNotMatch() {
        SqsException e = refused(StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalS3.ACCESS_KEY, "not-the-secret")));
        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("The request signature we calculated does not match");
        assertThat(messagesIn()).isZero();
    }

    @Test
    void noCredentialsIsMissingAuthenticationToken() {
        SqsException e = refused(AnonymousCredentialsProvider.create());
        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MissingAuthenticationToken");
        assertThat(messagesIn()).isZero();
    }

    @Test
    void anUnsignedJsonRequestGetsAJsonError() throws Exception {
        RawHttp r = RawHttp.send(sqs.endpoint(), "POST", "/", Map.of("Content-Type", List.of("application/x-amz-json-1.0"),
                "X-Amz-Target", List.of("AmazonSQS.ListQueues")), "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.headers().get("content-type")).startsWith("application/x-amz-json-1.0");
        assertThat(r.headers().get("x-amzn-query-error")).isEqualTo("MissingAuthenticationToken;Sender");
        assertThat(r.headers()).containsKey("x-amzn-requestid");
        assertThat(r.body()).contains("\"__type\":\"com.amazon.coral.service#MissingAuthenticationToken\"").contains("\"message\"");
    }

    @Test
    void anUnsignedQueryRequestGetsAnXmlError() throws Exception {
        RawHttp r = RawHttp.send(sqs.endpoint(), "POST", "/", Map.of("Content-Type",
                List.of("application/x-www-form-urlencoded; charset=utf-8")),
                "Action=ListQueues&Version=2012-11-05".getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.headers().get("content-type")).startsWith("text/xml");
        assertThat(r.body()).contains("<ErrorResponse").contains("<Type>Sender</Type>")
                .contains("<Code>MissingAuthenticationToken</Code>").contains("<RequestId>");
    }

    @Test
    void aRequestSignedTwentyMinutesAgoHasExpired() throws Exception {
        Clock then = Clock.fixed(Instant.now().minus(Duration.ofMinutes(20)), ZoneOffset.UTC);
        RawHttp r = signedJson("AmazonSQS.ListQueues", "{}", "{}", then);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.headers().get("x-amzn-query-error")).isEqualTo("SignatureDoesNotMatch;Sender");
        assertThat(r.body()).contains("Signature expired");
    }

    @Test
    void aBodyChangedAfterSigningDoesNotMatch() throws Exception {
        String signedFor = "{\"QueueUrl\":\"" + queueUrl + "\",\"MessageBody\":\"a\"}";
        String sent = "{\"QueueUrl\":\"" + queueUrl + "\",\"MessageBody\":\"b\"}";
        RawHttp r = signedJson("AmazonSQS.SendMessage", signedFor, sent, Clock.systemUTC());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.headers().get("x-amzn-query-error")).isEqualTo("SignatureDoesNotMatch;Sender");
        assertThat(messagesIn()).isZero();

        RawHttp same = signedJson("AmazonSQS.SendMessage", sent, sent, Clock.systemUTC());
        assertThat(same.status()).as(same.body()).isEqualTo(200);
        var received = sqs.client().receiveMessage(b -> b.queueUrl(queueUrl)).messages();
        assertThat(received).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("b"));
        sqs.client().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(received.get(0).receiptHandle()));
    }

    @Test
    void theAwsCliIsServedWithTheLocalCredentialsAndRefusedWithOthers() throws Exception {
        Assumptions.assumeTrue(AwsCli.available(), "the AWS CLI (aws) is not installed; on Debian: apt-get install -y awscli");
        String endpoint = sqs.endpoint().toString();

        AwsCli.Result ok = AwsCli.run(dir, "sqs", "list-queues", "--endpoint-url", endpoint);
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains(queueUrl);

        AwsCli.Result wrongSecret = AwsCli.run(dir, LocalS3.ACCESS_KEY, "not-the-secret", List.of(), "sqs", "list-queues",
                "--endpoint-url", endpoint);
        assertThat(wrongSecret.exit()).isNotZero();
        assertThat(wrongSecret.err()).contains("(SignatureDoesNotMatch)");

        AwsCli.Result wrongKey = AwsCli.run(dir, "AKIAUNKNOWN", LocalS3.SECRET_KEY, List.of(), "sqs", "send-message",
                "--endpoint-url", endpoint, "--queue-url", queueUrl, "--message-body", "x");
        assertThat(wrongKey.exit()).isNotZero();
        assertThat(wrongKey.err()).contains("(InvalidClientTokenId)");
        assertThat(messagesIn()).isZero();
    }

    private static SqsException refused(AwsCredentialsProvider credentials) {
        try (SqsClient client = SqsClient.builder().endpointOverride(sqs.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build()) {
            SqsException e = catchThrowableOfType(SqsException.class,
                    () -> client.sendMessage(b -> b.queueUrl(queueUrl).messageBody("should not arrive")));
            assertThat(e).as("the request was refused").isNotNull();
            return e;
        }
    }

    private static int messagesIn() {
        var a = sqs.client().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNamesWithStrings("All")).attributesAsStrings();
        return Integer.parseInt(a.get("ApproximateNumberOfMessages")) + Integer.parseInt(a.get("ApproximateNumberOfMessagesNotVisible"));
    }

    /** A JSON-protocol request signed by the SDK's signer for {@code signedBody}, sent with {@code sentBody}. */
    private static RawHttp signedJson(String target, String signedBody, String sentBody, Clock clock) throws Exception {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(sqs.endpoint())
                .encodedPath("/").putHeader("Content-Type", "application/x-amz-json-1.0").putHeader("X-Amz-Target", target)
                .build();
        var signed = RawHttp.sign(request, signedBody.getBytes(StandardCharsets.UTF_8), "sqs", true, clock);
        return RawHttp.send(sqs.endpoint(), "POST", "/", signed.headers(), sentBody.getBytes(StandardCharsets.UTF_8));
    }
}
