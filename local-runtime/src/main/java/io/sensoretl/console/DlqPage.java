package io.sensoretl.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.local.DeadLetter;
import io.sensoretl.local.Redrive;
import java.time.Instant;
import java.util.List;

/**
 * {@code /console/pipeline/dlq}: the pipeline's dead-lettered chunks (as {@code dlq list}) with a Redrive button
 * that does what {@code dlq redrive} does; after a redrive, the page shows its outcome on top.
 */
final class DlqPage {
    static final String PATH = ConsoleHandler.PREFIX + "/pipeline/dlq";
    static final String REDRIVE = ConsoleHandler.PREFIX + "/pipeline/dlq/redrive";

    private DlqPage() {}

    /** @param outcome the redrive to report on top, or null; {@code outcomeId} set but unknown: it is no longer kept */
    static String render(PipelineConsole pipeline, String outcomeId, Redrive.Report outcome) {
        List<DeadLetter> letters = pipeline.deadLetters();
        StringBuilder b = new StringBuilder("<h1>Pipeline dead-letter queue</h1>");
        if (outcome != null) {
            outcome(b, outcome);
        } else if (outcomeId != null) {
            b.append("<p class=\"box\">The outcome of redrive ").append(Html.escape(outcomeId))
                    .append(" is no longer kept (this console keeps the latest ones while serve runs).</p>");
        }
        b.append("<div class=\"box\"><p>Chunks the workflow dead-lettered after their retries, for state machine ")
                .append(Html.escape(pipeline.stateMachineArn())).append(". Redrive transforms each one again, then "
                        + "republishes the partitions its run touched, as <code>./sensor-etl dlq redrive</code> does; "
                        + "chunks that fail again stay in the queue.</p>");
        if (!letters.isEmpty()) {
            b.append("<form method=\"post\" action=\"").append(REDRIVE).append("\"><button type=\"submit\" "
                    + "id=\"dlq-redrive\">Redrive ").append(letters.size()).append(" chunk(s)</button></form>");
        }
        b.append("</div><h2>Dead-lettered chunks (").append(letters.size()).append(")</h2>");
        if (letters.isEmpty()) {
            b.append("<p class=\"box\" id=\"dlq-empty\">The dead-letter queue is empty.</p>");
        } else {
            b.append("<table class=\"dead-letters\"><thead><tr><th>Run</th><th>Chunk</th><th>Source bytes</th>"
                    + "<th>Error</th><th>Message</th><th>Dead-lettered</th></tr></thead><tbody>");
            for (DeadLetter l : letters) {
                b.append("<tr class=\"dead-letter\" data-run=\"").append(Html.escape(l.runId())).append("\" data-chunk=\"")
                        .append(l.chunk()).append("\"><td>").append(run(l)).append("</td><td>")
                        .append(l.chunk()).append("</td><td>").append(Html.escape(l.source())).append(' ')
                        .append(String.format(java.util.Locale.ROOT, "%,d-%,d", l.start(), l.end()))
                        .append("</td><td class=\"error-name\">").append(Html.escape(l.error()))
                        .append("</td><td class=\"cause\">").append(Html.escape(l.message())).append("</td><td>")
                        .append(l.deadLetteredAt() == null ? "" : Html.time(Instant.parse(l.deadLetteredAt())))
                        .append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        return Html.page("Dead-letter queue", b.toString(), 0);
    }

    /** The run, linked to the execution that dead-lettered the chunk (the message names its ARN). */
    private static String run(DeadLetter l) {
        String arn = l.executionId();
        return arn == null || !arn.startsWith("arn:") ? Html.escape(l.runId()) : Html.link(Html.executionHref(arn), l.runId());
    }

    private static void outcome(StringBuilder b, Redrive.Report r) {
        boolean failing = r.stillFailing() > 0;
        b.append("<div class=\"box").append(failing ? " error" : "").append("\" id=\"redrive-outcome\"><strong>");
        if (r.chunks().isEmpty()) {
            b.append("The dead-letter queue was empty: nothing to redrive.</strong></div>");
            return;
        }
        b.append("Redrove ").append(r.redriven()).append(" chunk(s), ").append(r.stillFailing())
                .append(" still failing</strong>");
        b.append("<table class=\"redriven\"><thead><tr><th>Run</th><th>Chunk</th><th>Outcome</th></tr></thead><tbody>");
        for (Redrive.ChunkOutcome c : r.chunks()) {
            b.append("<tr data-redriven=\"").append(c.redriven()).append("\"><td>").append(Html.escape(c.runId()))
                    .append("</td><td>").append(c.chunk()).append("</td><td>");
            if (c.redriven()) {
                b.append(String.format(java.util.Locale.ROOT, "%,d reading(s): %,d valid, %,d rejected", c.readings(),
                        c.valid(), c.rejected()));
            } else {
                b.append("failed again, stays in the queue: <span class=\"cause\">").append(Html.escape(c.error()))
                        .append("</span>");
            }
            b.append("</td></tr>");
        }
        b.append("</tbody></table>");
        for (Redrive.RunOutcome run : r.runs()) {
            b.append("<p>").append(Html.escape(run.runId())).append(" republished ");
            StringBuilder dts = new StringBuilder();
            for (JsonNode p : run.partitions()) {
                dts.append(dts.length() == 0 ? "" : ", ").append(p.path("dt").asText(p.asText()));
            }
            b.append(run.partitions().size()).append(" partition(s)").append(dts.length() == 0 ? "" : " (" +
                    Html.escape(dts.toString()) + ")").append(", ").append(run.latestReadingsWritten())
                    .append(" latest reading(s) updated</p>");
        }
        b.append("</div>");
    }
}
