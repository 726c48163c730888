package io.sensoretl.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sensoretl.asl.json.Json;
import io.sensoretl.console.ConsoleHandler;
import io.sensoretl.console.PipelineConsole;
import io.sensoretl.local.SigV4Verifier;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Step Functions endpoint: AWS's JSON 1.0 protocol over HTTP on 127.0.0.1 ({@code POST /},
 * {@code X-Amz-Target: AWSStepFunctions.<Action>}, {@code application/x-amz-json-1.0}), so the AWS CLI and the
 * SDKs work with an endpoint override. Requests are checked like the local S3's: SigV4 signed with the local
 * credentials, unless the verifier is null (any credentials, as Step Functions Local accepts). The same port serves
 * the local console ({@code GET /console/}, {@link ConsoleHandler}); {@code GET /} leads there.
 */
public final class StepFunctionsServer implements AutoCloseable {
    private static final String TARGET_PREFIX = "AWSStepFunctions.";

    private final HttpServer server;
    private final ExecutorService executor;
    private final StepFunctionsService service;
    private final SigV4Verifier verifier;
    private final ConsoleHandler console;

    private StepFunctionsServer(HttpServer server, ExecutorService executor, StepFunctionsService service,
                                SigV4Verifier verifier, PipelineConsole pipeline) {
        this.server = server;
        this.executor = executor;
        this.service = service;
        this.verifier = verifier;
        this.console = new ConsoleHandler(service, Clock.systemUTC(), pipeline);
    }

    /** Binds 127.0.0.1:{@code port} (0: any free port) and serves at once. */
    public static StepFunctionsServer start(int port, StepFunctionsService service, SigV4Verifier verifier)
            throws IOException {
        return start(port, service, verifier, null);
    }

    /** As {@link #start(int, StepFunctionsService, SigV4Verifier)}, with serve's pipeline in the console (or null). */
    public static StepFunctionsServer start(int port, StepFunctionsService service, SigV4Verifier verifier,
                                            PipelineConsole pipeline) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        // StartSyncExecution holds its request's thread until the execution ends: grow as needed
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sensor-etl-states-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        StepFunctionsServer s = new StepFunctionsServer(server, executor, service, verifier, pipeline);
        server.createContext("/", s::handle);
        server.start();
        return s;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            // the console's pages (GET /console/...) share the port: the API is POST / with X-Amz-Target
            if (ConsoleHandler.handles(exchange)) {
                console.handle(exchange);
                return;
            }
            if (exchange.getRequestMethod().equals("GET") && exchange.getRequestURI().getRawPath().equals("/")) {
                exchange.getResponseHeaders().set("Location", ConsoleHandler.PREFIX + "/");
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (!exchange.getRequestMethod().equals("POST") || target == null || !target.startsWith(TARGET_PREFIX)) {
                error(exchange, new SfnException("UnknownOperationException", 404, "This is the local Step Functions "
                        + "endpoint: POST / with X-Amz-Target: AWSStepFunctions.<Action> (AWS JSON 1.0 protocol)"));
                return;
            }
            if (verifier != null) {
                Map<String, List<String>> headers = new LinkedHashMap<>();
                exchange.getRequestHeaders().forEach((n, v) -> headers.put(n.toLowerCase(Locale.ROOT), v));
                URI uri = exchange.getRequestURI();
                try {
                    verifier.verify(new SigV4Verifier.Request(exchange.getRequestMethod(), uri.getRawPath(),
                            uri.getRawQuery(), headers, body));
                } catch (SigV4Verifier.Rejected r) {
                    error(exchange, new SfnException(r.code(), r.status(), r.getMessage()));
                    return;
                }
            }
            String action = target.substring(TARGET_PREFIX.length());
            JsonNode request;
            try {
                request = body.length == 0 ? Json.object() : Json.parse(new String(body, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                error(exchange, SfnException.of("SerializationException", "The request body is not JSON: "
                        + e.getMessage()));
                return;
            }
            JsonNode response;
            try {
                response = service.call(action, request);
            } catch (SfnException e) {
                error(exchange, e);
                return;
            } catch (RuntimeException e) {
                error(exchange, new SfnException("InternalFailure", 500, "The local Step Functions service failed on "
                        + action + ": " + e));
                return;
            }
            send(exchange, 200, Json.write(response));
        }
    }

    private static void error(HttpExchange exchange, SfnException e) throws IOException {
        ObjectNode body = Json.object();
        // the SDKs and the CLI take the part after '#' as the error code
        body.put("__type", "com.amazonaws.swf.service.v2.model#" + e.type());
        body.put("message", e.getMessage());
        if (e.resourceName() != null) {
            body.put("resourceName", e.resourceName());
        }
        send(exchange, e.status(), Json.write(body));
    }

    private static void send(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
