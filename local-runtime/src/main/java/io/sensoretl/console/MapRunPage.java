package io.sensoretl.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code /console/map-runs/<arn>}: a Distributed Map's Map Run — its items by status, the items that failed with
 * their error and cause, and a redrive of the parent execution (which re-runs only the failed and never-run items).
 */
final class MapRunPage {
    private static final List<String[]> COUNTS = List.of(new String[] {"pending", "Pending"},
            new String[] {"running", "Running"}, new String[] {"succeeded", "Succeeded"},
            new String[] {"failed", "Failed"}, new String[] {"timedOut", "Timed out"},
            new String[] {"aborted", "Aborted"}, new String[] {"total", "Total"});

    private MapRunPage() {}

    /** Null when no execution has this Map Run. */
    static String render(ConsoleData data, String mapRunArn, Clock clock) {
        JsonNode run = data.mapRun(mapRunArn).orElse(null);
        if (run == null) {
            return null;
        }
        String status = run.path("status").asText();
        String parent = run.path("executionArn").asText();
        Instant start = ConsoleData.date(run.get("startDate"));
        Instant stop = ConsoleData.date(run.get("stopDate"));
        StringBuilder b = new StringBuilder();
        b.append("<h1>Map Run ").append(Html.status(status)).append("</h1><div class=\"box\"><table class=\"summary\">"
                + "<tbody>");
        row(b, "Map Run ARN", Html.escape(mapRunArn));
        row(b, "Execution", Html.link(Html.executionHref(parent), parent));
        row(b, "Started", Html.time(start));
        row(b, "Stopped", Html.time(stop));
        row(b, "Duration", start == null ? "" : Html.duration(Duration.between(start, stop != null ? stop
                : clock.instant())));
        row(b, "Max concurrency", String.valueOf(run.path("maxConcurrency").asInt()));
        row(b, "Tolerated failures", run.path("toleratedFailureCount").asLong() + " items or "
                + run.path("toleratedFailurePercentage").asDouble() + " %");
        row(b, "Redrives", String.valueOf(run.path("redriveCount").asInt(0)));
        b.append("</tbody></table>");
        JsonNode execution = data.describe(parent);
        if ("REDRIVABLE".equals(execution.path("redriveStatus").asText())) {
            b.append(ConsoleHandler.actionForm("redrive", parent, Html.mapRunHref(mapRunArn),
                    "Redrive execution (re-runs the failed and not-run items)"));
        }
        b.append("</div><h2>Items by status</h2><table class=\"counts\"><thead><tr>");
        COUNTS.forEach(c -> b.append("<th>").append(c[1]).append("</th>"));
        b.append("</tr></thead><tbody><tr>");
        JsonNode counts = run.path("itemCounts");
        COUNTS.forEach(c -> b.append("<td data-count=\"").append(c[0]).append("\">")
                .append(counts.path(c[0]).asLong()).append("</td>"));
        b.append("</tr></tbody></table>");
        JsonNode failed = run.path("failedItems");
        b.append("<h2>Failed items (").append(failed.size()).append(")</h2>");
        if (!failed.isEmpty()) {
            b.append("<table class=\"failed-items\"><thead><tr><th>Index</th><th>Status</th><th>Error</th>"
                    + "<th>Cause</th><th>Child execution</th><th>Input</th></tr></thead><tbody>");
            for (JsonNode item : failed) {
                b.append("<tr><td>").append(item.path("index").asInt()).append("</td><td>")
                        .append(Html.status(item.path("status").asText())).append("</td><td class=\"error-name\">")
                        .append(Html.escape(item.path("error").asText(""))).append("</td><td class=\"cause\">")
                        .append(Html.escape(item.path("cause").asText(""))).append("</td><td>")
                        .append(Html.escape(item.path("name").asText(""))).append("</td><td><details><summary>input"
                                + "</summary><pre>").append(Html.escape(Json.pretty(item.path("input"))))
                        .append("</pre></details></td></tr>");
            }
            b.append("</tbody></table>");
        }
        return Html.page("Map Run", b.toString(), status.equals("RUNNING") ? 2 : 0);
    }

    private static void row(StringBuilder b, String name, String html) {
        b.append("<tr><th>").append(Html.escape(name)).append("</th><td>").append(html).append("</td></tr>");
    }
}
