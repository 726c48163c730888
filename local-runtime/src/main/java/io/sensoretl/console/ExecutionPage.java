package io.sensoretl.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /console/executions/<arn>}: what the AWS console shows of an execution — its status, error and cause,
 * the graph of the definition it ran coloured by what happened to each state, its Map Runs, input and output, and
 * the event history; Stop while it runs, Redrive when it can be redriven.
 */
final class ExecutionPage {
    private ExecutionPage() {}

    /** @param pipeline serve's pipeline (its executions also show their curated partitions and rejects), or null */
    static String render(ConsoleData data, String executionArn, Clock clock, PipelineConsole pipeline) {
        JsonNode d = data.describe(executionArn);
        JsonNode definition = data.definition(executionArn);
        List<JsonNode> events = data.history(executionArn);
        String status = d.path("status").asText();
        boolean running = status.equals("RUNNING");
        Instant start = ConsoleData.date(d.get("startDate"));
        Instant stop = ConsoleData.date(d.get("stopDate"));

        StringBuilder b = new StringBuilder();
        b.append("<h1>Execution ").append(Html.escape(d.path("name").asText())).append(' ').append(Html.status(status))
                .append("</h1>");
        b.append("<div class=\"box\"><table class=\"summary\"><tbody>");
        row(b, "Execution ARN", Html.escape(executionArn));
        row(b, "State machine", Html.escape(d.path("stateMachineArn").asText()));
        row(b, "Started", Html.time(start));
        row(b, "Stopped", Html.time(stop));
        row(b, "Duration", start == null ? "" : Html.duration(Duration.between(start, stop != null ? stop
                : clock.instant())) + (running ? " so far" : ""));
        row(b, "Redrives", d.path("redriveCount").asInt(0) + (d.has("redriveDate") ? " (last "
                + Html.time(ConsoleData.date(d.get("redriveDate"))) + ")" : ""));
        if (d.has("redriveStatusReason")) {
            row(b, "Redrive", Html.escape(d.get("redriveStatusReason").asText()));
        }
        b.append("</tbody></table>");
        String self = Html.executionHref(executionArn);
        if (running) {
            b.append(ConsoleHandler.actionForm("stop", executionArn, self, "Stop execution"));
        }
        if ("REDRIVABLE".equals(d.path("redriveStatus").asText())) {
            b.append(ConsoleHandler.actionForm("redrive", executionArn, self, "Redrive"));
        }
        b.append("</div>");
        if (d.has("error") || d.has("cause")) {
            b.append("<div class=\"box error\"><strong>Error</strong>: <span class=\"error-name\">")
                    .append(Html.escape(d.path("error").asText(""))).append("</span><br><strong>Cause</strong>: "
                            + "<span class=\"cause\">").append(Html.escape(d.path("cause").asText(""))).append("</span></div>");
        }

        Map<String, StateStatus> statuses = StateStatuses.of(events, running);
        b.append("<h2>Graph</h2><p class=\"legend\">");
        for (StateStatus s : List.of(StateStatus.SUCCEEDED, StateStatus.FAILED, StateStatus.CAUGHT,
                StateStatus.RUNNING, StateStatus.ABORTED, StateStatus.NOT_REACHED)) {
            b.append("<span><i class=\"").append(s.css()).append("\"></i>")
                    .append(s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).append("</span>");
        }
        b.append("</p><div class=\"graph\">").append(GraphSvg.draw(GraphLayout.of(definition), statuses))
                .append("</div>");

        Set<String> mapRuns = new LinkedHashSet<>();
        for (JsonNode e : events) {
            String run = e.path("mapRunStartedEventDetails").path("mapRunArn").asText("");
            if (!run.isEmpty()) {
                mapRuns.add(run);
            }
        }
        if (!mapRuns.isEmpty()) {
            b.append("<h2>Map Runs</h2><ul class=\"map-runs\">");
            mapRuns.forEach(r -> b.append("<li>").append(Html.link(Html.mapRunHref(r), r)).append("</li>"));
            b.append("</ul>");
        }

        if (pipeline != null && pipeline.stateMachineArn().equals(d.path("stateMachineArn").asText())
                && d.hasNonNull("output")) {
            RunOutput.render(b, Json.parse(d.get("output").asText()));
        }

        b.append("<h2>Input and output</h2><div class=\"box\">");
        payload(b, "Input", d.path("input").asText(null), true);
        payload(b, "Output", d.path("output").asText(null), false);
        b.append("</div>");

        b.append("<h2>Event history</h2><table class=\"history\"><thead><tr><th>ID</th><th>Type</th><th>State</th>"
                + "<th>Timestamp</th><th>Since start</th><th>Details</th></tr></thead><tbody>");
        for (JsonNode e : events) {
            event(b, e, start);
        }
        b.append("</tbody></table>");
        return Html.page("Execution " + d.path("name").asText(), b.toString(), running ? 2 : 0);
    }

    private static void row(StringBuilder b, String name, String html) {
        b.append("<tr><th>").append(Html.escape(name)).append("</th><td>").append(html).append("</td></tr>");
    }

    private static void payload(StringBuilder b, String label, String json, boolean open) {
        if (json == null) {
            return;
        }
        b.append("<details").append(open ? " open" : "").append(" class=\"").append(label.toLowerCase())
                .append("\"><summary>").append(label).append("</summary><pre>").append(Html.escape(pretty(json)))
                .append("</pre></details>");
    }

    private static void event(StringBuilder b, JsonNode e, Instant start) {
        String type = e.path("type").asText();
        JsonNode details = null;
        for (var it = e.properties().iterator(); it.hasNext(); ) {
            var f = it.next();
            if (f.getKey().endsWith("EventDetails")) {
                details = f.getValue();
            }
        }
        Instant at = ConsoleData.date(e.get("timestamp"));
        b.append("<tr class=\"event\" data-type=\"").append(Html.escape(type)).append("\"><td>")
                .append(e.path("id").asLong()).append("</td><td>").append(Html.escape(type)).append("</td><td>");
        if (details != null && details.has("name") && type.contains("State")) {
            b.append(Html.escape(details.get("name").asText()));
        }
        b.append("</td><td>").append(Html.time(at)).append("</td><td>")
                .append(at == null || start == null ? "" : Duration.between(start, at).toMillis() + " ms")
                .append("</td><td>");
        if (details != null) {
            for (var it = details.properties().iterator(); it.hasNext(); ) {
                var f = it.next();
                String key = f.getKey();
                if (key.equals("name") && type.contains("State") || key.endsWith("Details") && f.getValue().isObject()
                        && f.getValue().size() == 1 && f.getValue().has("truncated")) {
                    continue;
                }
                JsonNode v = f.getValue();
                if (key.equals("input") || key.equals("output") || key.equals("parameters") || v.isContainerNode()) {
                    b.append("<details><summary>").append(Html.escape(key)).append("</summary><pre>")
                            .append(Html.escape(v.isTextual() ? pretty(v.asText()) : Json.pretty(v)))
                            .append("</pre></details>");
                } else {
                    b.append("<div><b>").append(Html.escape(key)).append("</b>: ").append(Html.escape(v.asText()))
                            .append("</div>");
                }
            }
        }
        b.append("</td></tr>");
    }

    /** JSON text indented; anything else as it is. */
    static String pretty(String json) {
        try {
            return Json.pretty(Json.parse(json));
        } catch (RuntimeException e) {
            return json;
        }
    }
}
