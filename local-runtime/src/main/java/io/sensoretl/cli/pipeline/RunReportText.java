package io.sensoretl.cli.pipeline;

import io.sensoretl.local.RunReport;
import java.io.PrintWriter;
import java.util.Map;

/** The human summary of a run. */
final class RunReportText {
    private RunReportText() {}

    static void print(RunReport r, PrintWriter out) {
        print(r, out, false);
    }

    /** @param forced the run was asked with --force (refused while another execution runs it) */
    static void print(RunReport r, PrintWriter out, boolean forced) {
        switch (r.outcome()) {
            case RunReport.ALREADY_RUNNING -> {
                out.printf("%s is being processed by execution %s (%s): %s%n", r.source(), r.heldBy(), r.holder(),
                        forced ? "--force refused, it never runs an upload twice at the same time" : "not started again");
                out.printf("  execution  %s%n", r.executionId());
                out.println("  wait for it to end, or stop it (Ctrl-C where it runs, or kill its process), then run again:");
                out.println("  a run whose process is gone is taken over at once");
                return;
            }
            case RunReport.ALREADY_PROCESSED -> {
                out.printf("%s was already processed (run %s, by %s): nothing to do.%n", r.source(), r.runId(), r.processedBy());
                out.printf("  execution  %s%n", r.executionId());
                out.printf("  curated Parquet  %s%n", r.curatedPath());
                out.printf("  rejects Parquet  %s%n", r.rejectsPath());
                return;
            }
            case RunReport.FAILED -> {
                out.printf("run %s: %s%n", r.status(), r.error());
                out.printf("  execution  %s%n", r.executionId());
                if (r.cause() != null) {
                    out.printf("  cause      %s%n", r.cause().length() > 400 ? r.cause().substring(0, 400) + "..." : r.cause());
                }
                out.println("  history:   ./sensor-etl states history " + r.executionId());
                return;
            }
            default -> { }
        }
        out.printf("run %s %s%n", r.runId(), r.status());
        out.printf("  execution  %s%n", r.executionId());
        out.printf("  source     %s%n", r.source());
        // a source record (a row of a wide CSV) can hold several readings: both counts, never one for the other
        out.printf("  read       %,d source record(s) -> %,d reading(s): %,d valid, %,d rejected%n", r.sourceRecords(),
                r.readings(), r.valid(), r.rejected());
        for (Map.Entry<String, Long> e : r.rejectedByReason().entrySet()) {
            out.printf("    %-28s %,d%n", e.getKey(), e.getValue());
        }
        out.printf("  chunks     %d%s%n", r.chunks(), r.chunksDeadLettered() == 0 ? ""
                : ", " + r.chunksDeadLettered() + " dead-lettered (./sensor-etl dlq list)");
        if (r.chunksFailed() > 0) {
            out.printf("  WARNING    %d chunk(s) failed and could not be dead-lettered either%n", r.chunksFailed());
        }
        out.printf("  partitions %d published%n", r.partitions().size());
        for (RunReport.Partition p : r.partitions()) {
            out.printf("    dt=%s  %d file(s), %,d bytes  %s%n", p.dt(), p.files(), p.bytes(), p.path());
        }
        out.printf("  curated Parquet  %s%n", r.curatedPath());
        out.printf("  rejects Parquet  %s%n", r.rejectsPath());
    }
}
