package io.sensoretl.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The SQS endpoint clients talk to: it checks each request's SigV4 signature ({@link SigV4Verifier})
 * and forwards the good ones to ElasticMQ, which checks none, on another loopback port. A refused
 * request gets AWS's error in the request's protocol: JSON ({@code application/x-amz-json-1.0}, current
 * SDKs and CLIs, with the {@code x-amzn-query-error} header SQS adds) or the query protocol's XML.
 */
final class SignedFront implements AutoCloseable {
    /** Hop-by-hop headers and those the HTTP client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "keep-alive", "te", "trailer", "transfer-encoding", "proxy-connection", "http2-settings");

    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient client;
    private final SigV4Verifier verifier;
    private volatile URI backend;

    private final BindHost bind;

    private SignedFront(HttpServer server, ExecutorService executor, SigV4Verifier verifier, BindHost bind) {
        this.bind = bind;
        this.server = server;
        this.executor = executor;
        this.verifier = verifier;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .executor(executor).build();
    }

    /** Binds {@code bind}:{@code port} (0: any free port); requests wait for {@link #forwardTo}. */
    static SignedFront start(BindHost bind, int port, SigV4Verifier verifier) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(bind.host(), port), 64);
        // long polls (ReceiveMessage waits up to 20 s) hold a thread each: grow as needed
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sensor-etl-sqs-front");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        SignedFront front = new SignedFront(server, executor, verifier, bind);
        server.createContext("/", front::handle);
        server.start();
        return front;
    }

    URI endpoint() {
        return URI.create("http://" + bind.clientHost() + ":" + server.getAddress().getPort());
    }

    void forwardTo(int backendPort) {
        backend = URI.create("http://127.0.0.1:" + backendPort);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            URI uri = exchange.getRequestURI();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            boolean json = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).startsWith("application/x-amz-json");
            try {
                verifier.verify(new SigV4Verifier.Request(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                        headers, body));
            } catch (SigV4Verifier.Rejected r) {
                sendError(exchange, json, r.code(), r.status(), r.getMessage());
                return;
            }
            URI target = backend;
            if (target == null) {
                sendError(exchange, json, "ServiceUnavailable", 503, "The local SQS endpoint is starting; try again.");
                return;
            }
            forward(exchange, target, headers, body);
        }
    }

    private void forward(HttpExchange exchange, URI target, Map<String, List<String>> headers, byte[] body) throws IOException {
        URI uri = exchange.getRequestURI();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + uri.getRawPath()
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name)) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sendError(exchange, false, "ServiceUnavailable", 503, "The local SQS endpoint is stopping.");
            return;
        } catch (IOException e) {
            sendError(exchange, false, "InternalFailure", 500, "The local queue server did not answer: " + e.getMessage());
            return;
        }
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.equalsIgnoreCase("date")) {
                exchange.getResponseHeaders().put(name, new ArrayList<>(values));
            }
        });
        send(exchange, response.statusCode(), response.body());
    }

    private static void sendError(HttpExchange exchange, boolean json, String code, int status, String message)
            throws IOException {
        String requestId = UUID.randomUUID().toString();
        String body;
        if (json) {
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
            // SQS's JSON protocol carries the query protocol's error code here; the SDKs and the CLI read it
            exchange.getResponseHeaders().set("x-amzn-query-error", code + ";Sender");
            body = "{\"__type\":\"com.amazon.coral.service#" + code + "\",\"message\":\"" + jsonEscape(message) + "\"}";
        } else {
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
            body = "<?xml version=\"1.0\"?><ErrorResponse xmlns=\"http://queue.amazonaws.com/doc/2012-11-05/\"><Error>"
                    + "<Type>Sender</Type><Code>" + code + "</Code><Message>" + xmlEscape(message) + "</Message><Detail/>"
                    + "</Error><RequestId>" + requestId + "</RequestId></ErrorResponse>";
        }
        send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean noBody = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String jsonEscape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
