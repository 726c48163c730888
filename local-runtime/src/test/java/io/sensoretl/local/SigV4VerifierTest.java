package io.sensoretl.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** SigV4 verification against AWS's published test suite and requests signed by the AWS SDK's own signer. */
class SigV4VerifierTest {
    private static final Instant AT = Instant.parse("2015-08-30T12:36:00Z");
    private static final String SUITE_KEY = "AKIDEXAMPLE";
    private static final String SUITE_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    private final SigV4Verifier suite = new SigV4Verifier(SUITE_KEY, SUITE_SECRET, "service", Clock.fixed(AT, ZoneOffset.UTC));

    /** aws-sig-v4-test-suite, get-vanilla-query-order-key-case: parameters sorted, host and date signed. */
    @Test
    void acceptsTheTestSuitesSignatureAndRefusesAnyOther() {
        String authorization = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500";
        assertThatCode(() -> suite.verify(suiteRequest(authorization))).doesNotThrowAnyException();

        var e = catchThrowableOfType(SigV4Verifier.Rejected.class,
                () -> suite.verify(suiteRequest(authorization.replace("b97d918c", "b97d918d"))));
        assertThat(e.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(e.status()).isEqualTo(403);
    }

    private static SigV4Verifier.Request suiteRequest(String authorization) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("example.amazonaws.com"));
        headers.put("X-Amz-Date", List.of("20150830T123600Z"));
        headers.put("Authorization", List.of(authorization));
        return new SigV4Verifier.Request("GET", "/", "Param2=value2&Param1=value1", headers, new byte[0]);
    }

    /** Requests the SDK's signer signs as it signs SQS requests (path encoded twice, normalised). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "POST | / | | {}",
        "POST | /000000000000/sensor-etl-dlq | | Action=SendMessage&MessageBody=a%20b%2Bc",
        "GET | / | Action=ListQueues&QueueNamePrefix=a%20b&Version=2012-11-05 | ",
        "GET | /a%20b/%C3%BC/c%2Fd | b=2&a=3&a=1&empty=&flag | ",
        "GET | /a/./b/../c/ | x=%E2%82%AC&y=~._- | ",
        "POST | /q | A=%2A&B=%3D%26 | {\"MessageBody\":\"\\u00fc\"}",
    })
    void acceptsWhatTheSdkSigns(String method, String path, String query, String body) {
        byte[] payload = (body == null ? "" : body).getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest.Builder b = SdkHttpFullRequest.builder().method(SdkHttpMethod.fromValue(method))
                .uri(URI.create("http://127.0.0.1:4566")).encodedPath(path)
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", "AmazonSQS.SendMessage")
                .putHeader("X-Custom", List.of("  spaced   value ", "second"));
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                b.appendRawQueryParameter(decode(kv[0]), kv.length == 1 ? null : decode(kv[1]));
            }
        }
        SdkHttpRequest signed = sign(b.build(), payload, LocalS3.SECRET_KEY);
        SigV4Verifier local = new SigV4Verifier(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY, "sqs", Clock.fixed(AT, ZoneOffset.UTC));

        assertThatCode(() -> local.verify(asReceived(signed, payload))).as("%s %s?%s", method, signed.encodedPath(),
                signed.encodedQueryParameters().orElse("")).doesNotThrowAnyException();

        var other = catchThrowableOfType(SigV4Verifier.Rejected.class,
                () -> local.verify(asReceived(sign(b.build(), payload, "another-secret"), payload)));
        assertThat(other.code()).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void structuralProblemsAreIncompleteSignatureAndScopeProblemsDoNotMatch() {
        SigV4Verifier local = new SigV4Verifier(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY, "sqs", Clock.fixed(AT, ZoneOffset.UTC));
        String good = "AWS4-HMAC-SHA256 Credential=" + LocalS3.ACCESS_KEY + "/20150830/us-east-1/sqs/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=00";

        assertThat(rejected(local, good.replace(", Signature=00", ""), "20150830T123600Z"))
                .satisfies(e -> assertThat(e.code()).isEqualTo("IncompleteSignature"))
                .satisfies(e -> assertThat(e.status()).isEqualTo(400))
                .satisfies(e -> assertThat(e.getMessage()).contains("requires 'Signature' parameter"));
        assertThat(rejected(local, good, null).getMessage()).contains("'X-Amz-Date' or a 'Date' header");
        assertThat(rejected(local, good.replace("host;x-amz-date", "x-amz-date"), "20150830T123600Z").getMessage())
                .contains("'Host'");
        assertThat(rejected(local, good.replace("/sqs/", "/s3/"), "20150830T123600Z"))
                .satisfies(e -> assertThat(e.code()).isEqualTo("SignatureDoesNotMatch"))
                .satisfies(e -> assertThat(e.getMessage()).contains("correct service: 'sqs'"));
        assertThat(rejected(local, good.replace("/20150830/", "/20150829/"), "20150830T123600Z").getMessage())
                .contains("Date in Credential scope does not match");
        assertThat(rejected(local, good.replace("AWS4-HMAC-SHA256", "AWS"), "20150830T123600Z").code())
                .isEqualTo("IncompleteSignature");
        assertThat(rejected(local, good.replace(LocalS3.ACCESS_KEY, "AKIAOTHER"), "20150830T123600Z").code())
                .isEqualTo("InvalidClientTokenId");
        assertThat(rejected(local, good, "20150830T120000Z").getMessage()).startsWith("Signature expired: 20150830T120000Z");
        assertThat(rejected(local, good, "20150830T130000Z").getMessage()).startsWith("Signature not yet current");

        var presigned = catchThrowableOfType(SigV4Verifier.Rejected.class, () -> local.verify(new SigV4Verifier.Request("GET",
                "/", "Action=ListQueues&X-Amz-Signature=00", Map.of("host", List.of("h")), new byte[0])));
        assertThat(presigned.code()).isEqualTo("IncompleteSignature");
        assertThat(presigned.getMessage()).contains("presigned");
        var none = catchThrowableOfType(SigV4Verifier.Rejected.class, () -> local.verify(new SigV4Verifier.Request("POST",
                "/", null, Map.of("host", List.of("h")), new byte[0])));
        assertThat(none.code()).isEqualTo("MissingAuthenticationToken");
        assertThat(none.status()).isEqualTo(403);
    }

    private static SigV4Verifier.Rejected rejected(SigV4Verifier verifier, String authorization, String amzDate) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("host", List.of("127.0.0.1:4566"));
        if (amzDate != null) {
            headers.put("x-amz-date", List.of(amzDate));
        }
        headers.put("authorization", List.of(authorization));
        var e = catchThrowableOfType(SigV4Verifier.Rejected.class,
                () -> verifier.verify(new SigV4Verifier.Request("POST", "/", null, headers, new byte[0])));
        assertThat(e).as(authorization).isNotNull();
        return e;
    }

    private static SdkHttpRequest sign(SdkHttpFullRequest request, byte[] payload, String secret) {
        return AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(LocalS3.ACCESS_KEY, secret))
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sqs")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(AT, ZoneOffset.UTC))).request();
    }

    /** The request as a server receives it: the raw path and query as the SDK sends them, header names in any case. */
    private static SigV4Verifier.Request asReceived(SdkHttpRequest signed, byte[] payload) {
        Map<String, List<String>> headers = new LinkedHashMap<>(signed.headers());
        headers.put("Host", List.of(signed.host() + ":" + signed.port()));
        return new SigV4Verifier.Request(signed.method().name(), signed.encodedPath(),
                signed.encodedQueryParameters().orElse(null), headers, payload);
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
