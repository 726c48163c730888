package io.sensoretl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sensoretl.aws.AwsClients;
import io.sensoretl.aws.AwsRetries;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * An endpoint on 127.0.0.1 for an AWS service that speaks the JSON protocol (Glue, Athena, ...):
 * records every request the SDK sends (operation from {@code X-Amz-Target}, JSON body) and answers
 * with canned JSON, in the order queued per operation. An operation with nothing queued gets HTTP
 * 500, so an unexpected call fails the test. Subclasses add service-specific answers.
 *
 * @param <S> the subclass, so that queued answers chain
 */
public abstract class AwsJsonStub<S extends AwsJsonStub<S>> implements AutoCloseable {
    public record Call(String operation, JsonNode body) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<String[]>> responses = new HashMap<>();

    protected AwsJsonStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }

    /** Queues a 200 answer to the next call of {@code operation}. */
    public S answer(String operation, String json) {
        return respond(operation, 200, json);
    }

    /** Queues a service error (HTTP 400 with {@code __type}) for the next call of {@code operation}. */
    public S fail(String operation, String errorType, String message) {
        return respond(operation, 400, "{\"__type\":\"" + errorType + "\",\"Message\":\"" + message + "\"}");
    }

    private synchronized S respond(String operation, int status, String json) {
        responses.computeIfAbsent(operation, k -> new ArrayDeque<>()).add(new String[] {String.valueOf(status), json});
        return self();
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<String> operations() {
        return calls.stream().map(Call::operation).toList();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A client of the service pointed at this stub: test credentials, no SDK retries (every call is seen once). */
    protected <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
        return builder.endpointOverride(endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** A client configured as the functions configure theirs ({@link AwsClients}), with {@code retries}. */
    protected <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder, AwsRetries retries) {
        return AwsClients.configure(builder, retries).endpointOverride(endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    /** Queues {@code times} answers of HTTP {@code status} with error {@code errorType} for {@code operation}. */
    public S fail(String operation, int status, String errorType, String message, int times) {
        for (int i = 0; i < times; i++) {
            respond(operation, status, "{\"__type\":\"" + errorType + "\",\"Message\":\"" + message + "\"}");
        }
        return self();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String operation = target == null ? "?" : target.substring(target.indexOf('.') + 1);
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        String[] answer;
        synchronized (this) {
            calls.add(new Call(operation, body));
            Deque<String[]> queued = responses.get(operation);
            answer = queued == null || queued.isEmpty()
                    ? new String[] {"500", "{\"__type\":\"InternalServerException\",\"Message\":\"no answer queued for " + operation + "\"}"}
                    : queued.poll();
        }
        byte[] bytes = answer[1].getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(Integer.parseInt(answer[0]), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
