package io.sensoretl.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a pipeline execution produced, from the workflow's final output (the fields {@code RunReport.of} reads):
 * the curated partitions it published and its rejects by reason, with its record counts and dead-lettered chunks.
 */
final class RunOutput {
    private RunOutput() {}

    static void render(StringBuilder b, JsonNode out) {
        if (!out.has("partitionsPublished") && !out.has("rejectedByReason")) {
            if (out.hasNonNull("processedBy")) {
                b.append("<h2>Curated data</h2><p class=\"box\">This upload was already processed by ")
                        .append(Html.escape(out.get("processedBy").asText())).append(": this execution wrote nothing.</p>");
            }
            return;
        }
        b.append("<h2>Curated data</h2><div class=\"box\"><table class=\"summary run-counts\"><tbody>");
        count(b, "Run", Html.escape(out.path("runId").asText("")));
        count(b, "Readings", number(out.path("records")));
        count(b, "Valid (curated)", number(out.path("valid")));
        count(b, "Rejected", number(out.path("rejected")));
        count(b, "Chunks", number(out.path("chunks")));
        int dead = out.path("chunksDeadLettered").asInt();
        count(b, "Chunks dead-lettered", dead == 0 ? "0" : dead + " (" + Html.link(DlqPage.PATH, "dead-letter queue")
                + ")");
        b.append("</tbody></table></div>");

        JsonNode partitions = out.path("partitionsPublished");
        b.append("<h2>Curated partitions (").append(partitions.size()).append(")</h2>");
        if (!partitions.isEmpty()) {
            b.append("<table class=\"partitions\"><thead><tr><th>dt</th><th>Status</th><th>Files</th><th>Bytes</th>"
                    + "<th>Location</th></tr></thead><tbody>");
            for (JsonNode p : partitions) {
                b.append("<tr class=\"partition\" data-dt=\"").append(Html.escape(p.path("dt").asText())).append("\"><td>")
                        .append(Html.escape(p.path("dt").asText())).append("</td><td>")
                        .append(Html.escape(p.path("status").asText(""))).append("</td><td>")
                        .append(number(p.path("files"))).append("</td><td>").append(number(p.path("bytes")))
                        .append("</td><td>").append(Html.escape(p.path("location").asText(""))).append("</td></tr>");
            }
            b.append("</tbody></table>");
        }

        Map<String, Long> byReason = new TreeMap<>();
        out.path("rejectedByReason").properties().forEach(e -> byReason.put(e.getKey(), e.getValue().asLong()));
        b.append("<h2>Rejects by reason</h2>");
        if (byReason.isEmpty()) {
            b.append("<p class=\"box\">No record was rejected.</p>");
        } else {
            b.append("<table class=\"rejects\"><thead><tr><th>Reason</th><th>Records</th></tr></thead><tbody>");
            byReason.forEach((reason, n) -> b.append("<tr class=\"reject\" data-reason=\"").append(Html.escape(reason))
                    .append("\"><td>").append(Html.escape(reason)).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%,d", n)).append("</td></tr>"));
            b.append("</tbody></table>");
        }
    }

    private static void count(StringBuilder b, String name, String html) {
        b.append("<tr><th>").append(Html.escape(name)).append("</th><td>").append(html).append("</td></tr>");
    }

    private static String number(JsonNode n) {
        return n.isNumber() ? String.format(Locale.ROOT, "%,d", n.asLong()) : Html.escape(n.asText(""));
    }
}
