package io.sensoretl.cli.executions;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.history.HistoryEvent;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The human output of `executions list|show`: aligned columns, long values shortened. */
final class ExecutionTables {
    private ExecutionTables() {}

    static void list(PrintWriter out, List<ExecutionSummary> executions, Instant now) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "STATUS", "STARTED", "DURATION"});
        for (ExecutionSummary e : executions) {
            rows.add(new String[] {e.name(), e.status(), e.startDate(), duration(e.duration(now))});
        }
        table(out, rows, "");
    }

    static void show(PrintWriter out, ExecutionDetail d, Instant now, int lastEvents) {
        ExecutionSummary s = d.summary();
        out.println("execution  " + s.name());
        out.println("arn        " + s.executionArn());
        out.println("status     " + s.status() + "  (" + duration(s.duration(now)) + ")");
        out.println("started    " + s.startDate() + (s.stopDate() == null ? "" : "   stopped " + s.stopDate()));
        if (s.status().equals("FAILED") || d.error() != null) {
            out.println("error      " + nullToDash(d.error()) + ": " + shorten(nullToDash(d.cause()), 200));
        } else if (d.output() != null) {
            out.println("output     " + shorten(d.output().toString(), 200));
        }
        if (!d.mapRuns().isEmpty()) {
            out.println();
            out.println("map runs");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"MAP RUN", "STATUS", "ITEMS", "SUCCEEDED", "FAILED", "ABORTED", "TOLERATED %"});
            for (JsonNode r : d.mapRuns()) {
                JsonNode c = r.path("itemCounts");
                rows.add(new String[] {tail(r.path("mapRunArn").asText()), r.path("status").asText(),
                        c.path("total").asText(), c.path("succeeded").asText(), c.path("failed").asText(),
                        c.path("aborted").asText(), r.path("toleratedFailurePercentage").asText()});
            }
            table(out, rows, "  ");
        }
        List<Failure> failures = d.failures();
        if (!failures.isEmpty()) {
            out.println();
            out.println("failures");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"EVENT", "STATE", "TYPE", "ERROR", "CAUSE"});
            for (Failure f : failures) {
                rows.add(new String[] {String.valueOf(f.eventId()), nullToDash(f.state()), f.type(), nullToDash(f.error()),
                        shorten(nullToDash(f.cause()), 80)});
            }
            table(out, rows, "  ");
        }
        out.println();
        int from = Math.max(0, d.events().size() - lastEvents);
        out.println("history (" + d.events().size() + " events" + (from > 0 ? ", last " + lastEvents + "; --events for all" : "") + ")");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "TIME", "TYPE", "STATE"});
        for (JsonNode e : d.events().subList(from, d.events().size())) {
            String type = e.path("type").asText();
            JsonNode details = e.path(HistoryEvent.detailsKey(type));
            rows.add(new String[] {e.path("id").asText(), e.path("timestamp").asText(), type, details.path("name").asText("")});
        }
        table(out, rows, "  ");
    }

    private static void table(PrintWriter out, List<String[]> rows, String indent) {
        int[] widths = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i] == null ? 1 : r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < r.length; i++) {
                String cell = r[i] == null ? "-" : r[i];
                line.append(cell);
                if (i < r.length - 1) {
                    line.append(" ".repeat(widths[i] - cell.length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    static String duration(Duration d) {
        if (d == null) {
            return "-";
        }
        long ms = d.toMillis();
        if (ms < 60_000) {
            return String.format("%.1f s", ms / 1000.0);
        }
        long s = ms / 1000;
        return s < 3600 ? String.format("%d min %02d s", s / 60, s % 60) : String.format("%d h %02d min", s / 3600, s % 3600 / 60);
    }

    /** The part after the last ':' or '/', e.g. the map run's id. */
    private static String tail(String arn) {
        int at = arn.indexOf(":mapRun:");
        return at < 0 ? arn : arn.substring(at + ":mapRun:".length());
    }

    private static String nullToDash(String s) {
        return s == null ? "-" : s;
    }

    private static String shorten(String s, int max) {
        String oneLine = s.replace('\n', ' ');
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
    }
}
