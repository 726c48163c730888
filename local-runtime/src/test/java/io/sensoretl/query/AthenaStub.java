package io.sensoretl.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;

/**
 * An Athena endpoint on 127.0.0.1 that records every request the SDK sends (operation and JSON
 * body) and answers with canned Athena JSON, in the order queued per operation. A call with nothing
 * queued gets HTTP 500, so an unexpected request fails the test.
 */
final class AthenaStub implements AutoCloseable {
    record Call(String operation, JsonNode body) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<String[]>> responses = new HashMap<>();

    AthenaStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    AthenaStub answer(String operation, String json) {
        return respond(operation, 200, json);
    }

    AthenaStub fail(String operation, String errorType, String message) {
        return respond(operation, 400, "{\"__type\":\"" + errorType + "\",\"Message\":\"" + message + "\"}");
    }

    /** GetQueryExecution answered with {@code state} (and, when it ends, the statistics). */
    AthenaStub state(String id, String state) {
        return answer("GetQueryExecution", "{\"QueryExecution\":{\"QueryExecutionId\":\"" + id + "\",\"StatementType\":\"DML\","
                + "\"Status\":{\"State\":\"" + state + "\"},\"Statistics\":{\"DataScannedInBytes\":123456}}}");
    }

    private synchronized AthenaStub respond(String operation, int status, String json) {
        responses.computeIfAbsent(operation, k -> new ArrayDeque<>()).add(new String[] {String.valueOf(status), json});
        return this;
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized List<String> operations() {
        return calls.stream().map(Call::operation).toList();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    AthenaClient client() {
        return AthenaClient.builder()
                .endpointOverride(endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String operation = target == null ? "?" : target.substring(target.indexOf('.') + 1);
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        String[] answer;
        synchronized (this) {
            calls.add(new Call(operation, body));
            Deque<String[]> queue = responses.get(operation);
            answer = queue == null || queue.isEmpty()
                    ? new String[] {"500", "{\"__type\":\"InternalServerException\",\"Message\":\"no answer queued for " + operation + "\"}"}
                    : queue.poll();
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
