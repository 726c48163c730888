package io.sensoretl.lambda.priming;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An SDK HTTP client that answers from memory: priming drives the real SDK pipeline (marshalling,
 * signing, checksums, unmarshalling) without a network. Unlike the SDK's own
 * {@code CannedResponseHttpClient} (one answer for every call), the answer depends on the request, so
 * a GET can return a chunk of data and a PUT an ETag. A request nobody expected fails loudly.
 */
final class CannedHttpClient implements SdkHttpClient {

    /** What the fake server sends back. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        static Answer json(String body) {
            return new Answer(200, Map.of("Content-Type", "application/x-amz-json-1.0"),
                    body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The request as the server sees it: method, path, query and the body bytes. */
    record Call(SdkHttpRequest request, byte[] body) {
        String method() {
            return request.method().name();
        }

        String path() {
            return request.encodedPath();
        }

        boolean hasQuery(String name) {
            return request.rawQueryParameters().containsKey(name);
        }

        String header(String name) {
            return request.firstMatchingHeader(name).orElse(null);
        }

        /** The operation of a JSON-protocol call (DynamoDB, Glue): X-Amz-Target without the service prefix. */
        String operation() {
            String target = header("X-Amz-Target");
            return target == null ? "" : target.substring(target.indexOf('.') + 1);
        }
    }

    private final Function<Call, Answer> server;
    private final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

    CannedHttpClient(Function<Call, Answer> server) {
        this.server = server;
    }

    /** How many requests were answered: a priming that made none primed nothing of the SDK. */
    int calls() {
        return calls.get();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                byte[] body = new byte[0];
                Optional<?> stream = request.contentStreamProvider();
                if (stream.isPresent()) {
                    try (InputStream in = request.contentStreamProvider().get().newStream()) {
                        body = in.readAllBytes();
                    }
                }
                Answer answer = server.apply(new Call(request.httpRequest(), body));
                calls.incrementAndGet();
                SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(answer.status())
                        .putHeader("Content-Length", Integer.toString(answer.body().length))
                        .putHeader("x-amz-request-id", "priming");
                answer.headers().forEach(response::putHeader);
                return HttpExecuteResponse.builder().response(response.build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer.body()))).build();
            }

            @Override
            public void abort() {
                // nothing in flight: answers are in memory
            }
        };
    }

    @Override
    public String clientName() {
        return "Priming";
    }

    @Override
    public void close() {
        // holds no connections
    }

    static UncheckedIOException unexpected(Call call, String who) {
        return new UncheckedIOException(new IOException(who + " priming did not expect " + call.method() + " "
                + call.path() + " " + call.request().rawQueryParameters().keySet()));
    }
}
