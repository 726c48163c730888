package io.sensoretl.console;

import com.sun.net.httpserver.HttpExchange;
import io.sensoretl.stepfunctions.SfnException;
import io.sensoretl.stepfunctions.StepFunctionsService;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import io.sensoretl.local.Redrive;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local console, served beside the Step Functions API on the same port: {@code GET /console/...} pages (the API
 * is {@code POST /} with {@code X-Amz-Target}), and two buttons, {@code POST /console/stop} and
 * {@code POST /console/redrive}, that do what StopExecution and RedriveExecution do. Pages are HTML and SVG made
 * here, with no script; a button's POST from another site's page is refused (its {@code Origin} is not this
 * server). Under {@code serve --sfn-port} it also shows the pipeline ({@link PipelineConsole}): its dead-letter
 * queue at {@code /console/pipeline/dlq} with a button, {@code POST /console/pipeline/dlq/redrive}, that does what
 * {@code dlq redrive} does, and on each of its executions the curated partitions and the rejects by reason.
 */
public final class ConsoleHandler {
    public static final String PREFIX = "/console";

    /** How many DLQ redrive outcomes are kept for their page. */
    private static final int OUTCOMES_KEPT = 20;

    private final ConsoleData data;
    private final Clock clock;
    private final PipelineConsole pipeline;
    private final AtomicInteger redrives = new AtomicInteger();
    private final Map<String, Redrive.Report> outcomes = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Redrive.Report> eldest) {
                    return size() > OUTCOMES_KEPT;
                }
            });

    public ConsoleHandler(StepFunctionsService service, Clock clock) {
        this(service, clock, null);
    }

    /** @param pipeline serve's pipeline, or null (states serve: no pipeline pages) */
    public ConsoleHandler(StepFunctionsService service, Clock clock, PipelineConsole pipeline) {
        this.data = new ConsoleData(service);
        this.clock = clock;
        this.pipeline = pipeline;
    }

    /** Whether a request is the console's. */
    public static boolean handles(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        try {
            if (method.equals("POST") && (path.equals(PREFIX + "/stop") || path.equals(PREFIX + "/redrive"))) {
                action(exchange, path.substring(PREFIX.length() + 1));
                return;
            }
            if (method.equals("POST") && path.equals(DlqPage.REDRIVE)) {
                redriveDeadLetters(exchange);
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, error("Method not allowed", method + " " + path + ": the console's pages are GET, "
                        + "its buttons POST /console/stop, /console/redrive and " + DlqPage.REDRIVE));
                return;
            }
            if (path.equals(PREFIX) || path.equals(PREFIX + "/")) {
                String status = query(exchange.getRequestURI().getRawQuery()).get("status");
                if (status != null && !ListPage.STATUSES.contains(status)) {
                    send(exchange, 400, error("Unknown status", "status=" + status + " is not one of "
                            + ListPage.STATUSES));
                    return;
                }
                send(exchange, 200, ListPage.render(data, status, clock, pipeline));
            } else if (path.equals(DlqPage.PATH)) {
                if (pipeline == null) {
                    send(exchange, 404, error("Not found", NO_PIPELINE));
                    return;
                }
                String id = query(exchange.getRequestURI().getRawQuery()).get("redrive");
                send(exchange, 200, DlqPage.render(pipeline, id, id == null ? null : outcomes.get(id)));
            } else if (path.startsWith(PREFIX + "/executions/")) {
                String arn = decode(path.substring((PREFIX + "/executions/").length()));
                send(exchange, 200, ExecutionPage.render(data, arn, clock, pipeline));
            } else if (path.startsWith(PREFIX + "/map-runs/")) {
                String arn = decode(path.substring((PREFIX + "/map-runs/").length()));
                String page = MapRunPage.render(data, arn, clock);
                if (page == null) {
                    send(exchange, 404, error("Not found", "No execution of this service has the Map Run " + arn));
                } else {
                    send(exchange, 200, page);
                }
            } else {
                send(exchange, 404, error("Not found", "The console has no page " + path
                        + "; start at /console/"));
            }
        } catch (SfnException e) {
            send(exchange, ConsoleData.notFound(e) ? 404 : 400, error(e.type(), e.getMessage()));
        } catch (RuntimeException e) {
            send(exchange, 500, error("The console failed", e.toString()));
        }
    }

    /** A button: a form that POSTs the execution ARN to {@code /console/<action>} and comes back to {@code then}. */
    static String actionForm(String action, String executionArn, String then, String label) {
        return "<form method=\"post\" action=\"/console/" + action + "\"><input type=\"hidden\" name=\"executionArn\" "
                + "value=\"" + Html.escape(executionArn) + "\"><input type=\"hidden\" name=\"then\" value=\""
                + Html.escape(then) + "\"><button type=\"submit\" id=\"" + action + "\">" + Html.escape(label)
                + "</button></form>";
    }

    private static final String NO_PIPELINE = "This console has no pipeline: the dead-letter queue and the runs' "
            + "partitions are shown by ./sensor-etl serve --sfn-port <port>, not by states serve";

    /** Whether a button's POST came from another site's page; if so, it is refused (403) here. */
    private static boolean crossSite(HttpExchange exchange) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (origin != null && !origin.equals("http://" + host)) {
            send(exchange, 403, error("Forbidden", "A console button was sent from another site (" + origin + ")"));
            return true;
        }
        return false;
    }

    /** The DLQ page's button: a redrive as {@code dlq redrive} does, then its page with the outcome on top. */
    private void redriveDeadLetters(HttpExchange exchange) throws IOException {
        if (pipeline == null) {
            send(exchange, 404, error("Not found", NO_PIPELINE));
            return;
        }
        if (crossSite(exchange)) {
            return;
        }
        exchange.getRequestBody().readAllBytes();
        Redrive.Report report = pipeline.redrive();
        String id = String.valueOf(redrives.incrementAndGet());
        outcomes.put(id, report);
        exchange.getResponseHeaders().set("Location", DlqPage.PATH + "?redrive=" + id);
        exchange.sendResponseHeaders(303, -1);
    }

    private void action(HttpExchange exchange, String action) throws IOException {
        if (crossSite(exchange)) {
            return;
        }
        Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String arn = form.get("executionArn");
        if (arn == null || arn.isEmpty()) {
            send(exchange, 400, error("Missing executionArn", "POST /console/" + action + " needs executionArn"));
            return;
        }
        if (action.equals("stop")) {
            data.stop(arn);
        } else {
            data.redrive(arn);
        }
        String then = form.get("then");
        if (then == null || !then.startsWith(PREFIX + "/") || then.startsWith("//")) {
            then = Html.executionHref(arn);
        }
        exchange.getResponseHeaders().set("Location", then);
        exchange.sendResponseHeaders(303, -1);
    }

    private static String error(String title, String message) {
        return Html.page(title, "<h1>" + Html.escape(title) + "</h1><p class=\"box error\">" + Html.escape(message)
                + "</p><p><a href=\"/console/\">All executions</a></p>", 0);
    }

    private static void send(HttpExchange exchange, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        var h = exchange.getResponseHeaders();
        h.set("Content-Type", "text/html; charset=utf-8");
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        // nothing on these pages runs script or loads from elsewhere: say so, so injected markup could not either
        h.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
                + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            out.putIfAbsent(k, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }
}
