package io.sensoretl.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@code /console/}: every state machine and its executions (status, start, duration), filtered by status. */
final class ListPage {
    static final List<String> STATUSES = List.of("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED");

    private ListPage() {}

    /** @param pipeline serve's pipeline (a link to its dead-letter queue), or null */
    static String render(ConsoleData data, String status, Clock clock, PipelineConsole pipeline) {
        StringBuilder b = new StringBuilder("<h1>State machines and executions</h1>");
        if (pipeline != null) {
            b.append("<p class=\"box\">Pipeline: ").append(Html.link(DlqPage.PATH, "dead-letter queue"))
                    .append(" (failed chunks and their redrive)</p>");
        }
        b.append("<p class=\"filters\">Status: ");
        b.append(filter(null, status));
        for (String s : STATUSES) {
            b.append(filter(s, status));
        }
        b.append("</p>");
        List<JsonNode> machines = data.stateMachines();
        if (machines.isEmpty()) {
            b.append("<p class=\"box\">No state machines yet: create one with <code>aws stepfunctions "
                    + "create-state-machine --endpoint-url ...</code> or the SDK.</p>");
        }
        boolean running = false;
        for (JsonNode m : machines) {
            String arn = m.path("stateMachineArn").asText();
            List<JsonNode> executions = data.executions(arn, status);
            b.append("<h2 class=\"machine\" data-arn=\"").append(Html.escape(arn)).append("\">")
                    .append(Html.escape(m.path("name").asText())).append(" <small>")
                    .append(Html.escape(m.path("type").asText())).append(" · ").append(executions.size())
                    .append(status == null ? " executions" : " " + Html.escape(status) + " executions")
                    .append("</small></h2>");
            if (executions.isEmpty()) {
                continue;
            }
            b.append("<table class=\"executions\"><thead><tr><th>Name</th><th>Status</th><th>Started</th>"
                    + "<th>Duration</th><th>Redrives</th></tr></thead><tbody>");
            for (JsonNode e : executions) {
                Instant start = ConsoleData.date(e.get("startDate"));
                Instant stop = ConsoleData.date(e.get("stopDate"));
                String s = e.path("status").asText();
                running |= s.equals("RUNNING");
                b.append("<tr data-execution=\"").append(Html.escape(e.path("executionArn").asText())).append("\"><td>")
                        .append(Html.link(Html.executionHref(e.path("executionArn").asText()), e.path("name").asText()))
                        .append("</td><td>").append(Html.status(s)).append("</td><td>").append(Html.time(start))
                        .append("</td><td>").append(start == null ? "" : Html.duration(Duration.between(start,
                                stop != null ? stop : clock.instant())) + (stop == null ? " so far" : ""))
                        .append("</td><td>").append(e.path("redriveCount").asInt(0)).append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        return Html.page("Executions", b.toString(), running ? 2 : 0);
    }

    private static String filter(String value, String current) {
        String href = value == null ? "/console/" : "/console/?status=" + value;
        boolean on = value == null ? current == null : value.equals(current);
        return "<a class=\"" + (on ? "on" : "") + "\" href=\"" + Html.escape(href) + "\">"
                + (value == null ? "All" : Html.escape(value)) + "</a>";
    }
}
