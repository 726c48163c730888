package io.sensoretl.cli.executions;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.sensoretl.asl.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Step Functions endpoint on 127.0.0.1 that answers each operation with recorded responses
 * ({@code sfn/<Operation>-<n>.json} on the test class path, n counting that operation's calls) and
 * keeps every request, so a test can assert what the CLI sent.
 */
final class RecordedStepFunctions implements AutoCloseable {
    record Request(String operation, JsonNode body) {}

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Integer> calls = new HashMap<>();

    RecordedStepFunctions() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target == null ? "?" : target.substring(target.indexOf('.') + 1);
            byte[] body = exchange.getRequestBody().readAllBytes();
            int n;
            synchronized (this) {
                requests.add(new Request(operation, Json.parse(new String(body, StandardCharsets.UTF_8))));
                n = calls.merge(operation, 1, Integer::sum);
            }
            byte[] response;
            int status;
            try (InputStream in = RecordedStepFunctions.class.getResourceAsStream("/sfn/" + operation + "-" + n + ".json")) {
                if (in == null) {
                    status = 400;
                    response = ("{\"__type\":\"com.amazonaws.swf.base.model#InvalidToken\",\"message\":\"no recorded response "
                            + operation + "-" + n + "\"}").getBytes(StandardCharsets.UTF_8);
                } else {
                    status = 200;
                    response = in.readAllBytes();
                }
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(status, response.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
