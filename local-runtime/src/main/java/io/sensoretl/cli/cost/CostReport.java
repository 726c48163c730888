package io.sensoretl.cli.cost;

import io.sensoretl.cost.AthenaQueryCost;
import io.sensoretl.cost.CostEstimate;
import io.sensoretl.cost.GlueEtlCost;
import io.sensoretl.cost.LineItem;
import io.sensoretl.cost.MemoryChoice;
import io.sensoretl.cost.MemoryRecommendation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a {@link CostEstimate}: an itemised table for people, one JSON object for programs. */
final class CostReport {
    private CostReport() {}

    static String text(CostEstimate e) {
        StringBuilder s = new StringBuilder();
        var r = e.request();
        var b = e.benchmark();
        var shape = e.shape();
        s.append(String.format("Cost of one run over a %s dump (%,d bytes) on %s, %s prices as of %s (%s)%n",
                human(r.sizeBytes()), r.sizeBytes(), r.arch().id(), e.prices().region(), e.prices().asOf(), e.prices().source()));
        s.append(String.format("Measured transform: %.1f MB per CPU-second on one %s core, peak heap %.0f MB (%s, %s)%n",
                b.bytesPerSecond() / 1e6, b.arch().id(), b.peakHeapMb(), b.source(), b.measuredAt()));
        s.append(String.format("Compaction: %,.0f rows per CPU-second (%s)%n", e.compactRowsPerSecond(), e.compactSource()));
        var c = shape.compaction();
        s.append(String.format("Compaction per partition: ~%,d rows in %,d slice(s) of ~%,d rows (at most %,d), %.0f s per slice",
                c.rowsPerPartition(), c.slices(), c.rowsPerSlice(), c.sliceRows(), c.secondsPerSlice()));
        if (c.groups() > 0) {
            s.append(String.format(", after %,d group task(s) sorting the staged files, %.0f s each", c.groups(),
                    c.secondsPerGroup()));
        } else if (c.slices() > 1) {
            s.append(", reading the sorted staged files directly");
        }
        s.append(String.format(" (compact at %,d MB)%n", e.memoryMb().get("compact")));
        s.append(String.format("Run: %,d chunks of %s -> %,d Express children; %,d staged files; ~%,d valid readings;"
                        + " curated Parquet ~%s; %.2f s per chunk; wall clock ~%.0f s%n%n",
                shape.chunks(), human(r.chunkBytes()), shape.childExecutions(), shape.stagedFiles(), shape.validRecords(),
                human(shape.curatedBytes()), shape.transformSecondsPerChunk(), shape.wallClockSeconds()));
        s.append(String.format("%-16s %-46s %16s %-11s %14s %12s%n", "Service", "Item", "Quantity", "Unit", "Unit price", "USD"));
        for (LineItem i : e.items()) {
            s.append(String.format("%-16s %-46s %16s %-11s %14s %12.6f%n", i.service(), i.item(), quantity(i.quantity()), i.unit(),
                    String.format("%.10f", i.unitUsd()).replaceAll("0+$", ""), i.usd()));
            s.append(String.format("%-16s   %s%n", "", i.note()));
        }
        s.append(String.format("%-16s %-46s %16s %-11s %14s %12.6f%n%n", "Total", "", "", "", "", e.totalUsd()));
        s.append("Per service:");
        for (String service : services(e)) {
            s.append(String.format("  %s $%.6f", service, e.usd(service)));
        }
        s.append(String.format("%n%n"));

        GlueEtlCost g = e.glueEtl();
        s.append(String.format("Same job as a Glue Spark ETL job: %d DPU x %.0f s billed (%.0f s run) = %.4f DPU-hours = $%.6f"
                        + " (compute only; %.2fx the whole serverless run)%n  %s%n%n", g.dpus(), g.billedSeconds(), g.runSeconds(),
                g.dpuHours(), g.usd(), g.usd() / e.totalUsd(), g.note()));

        s.append(String.format("Memory per function (cheapest within %.0f%% of the fastest; used above: %s)%n",
                100 * r.slowdown(), e.memoryMb()));
        for (MemoryRecommendation m : e.recommendations()) {
            s.append(String.format("  %-16s %s%n", m.function(), m.explanation()));
        }
        if (!e.athena().isEmpty()) {
            s.append(String.format("%nAthena, each shipped query once over this dump's data (paid per query, not in the total):%n"));
            s.append(String.format("  %-24s %-16s %12s %12s %12s %12s  %s%n", "Query", "Table", "Parquet", "USD", "Raw dump", "USD",
                    "Columns read"));
            for (AthenaQueryCost q : e.athena()) {
                s.append(String.format("  %-24s %-16s %12s %12.6f %12s %12.6f  %s%n", q.query(), q.table(), human(q.curatedBytes()),
                        q.curatedUsd(), human(q.rawBytes()), q.rawUsd(), String.join(",", q.columns())));
            }
        }
        for (String w : e.warnings()) {
            s.append(String.format("%nWARNING: %s", w));
        }
        if (!e.warnings().isEmpty()) {
            s.append(System.lineSeparator());
        }
        return s.toString();
    }

    static Map<String, Object> json(CostEstimate e) {
        Map<String, Object> out = new LinkedHashMap<>();
        var r = e.request();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("sizeBytes", r.sizeBytes());
        request.put("chunkBytes", r.chunkBytes());
        request.put("arch", r.arch().id());
        request.put("transformMemoryMb", r.transformMemoryMb());
        request.put("slowdown", r.slowdown());
        request.put("chunksPerChild", r.chunksPerChild());
        out.put("request", request);
        out.put("prices", Map.of("file", e.prices().source(), "region", e.prices().region(), "asOf", e.prices().asOf()));
        var b = e.benchmark();
        out.put("benchmark", Map.of("file", b.source(), "bytesPerSecond", b.bytesPerSecond(), "arch", b.arch().id(),
                "peakHeapMb", b.peakHeapMb(), "measuredAt", b.measuredAt()));
        out.put("compaction", Map.of("rowsPerSecond", e.compactRowsPerSecond(), "source", e.compactSource()));
        var sh = e.shape();
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("chunks", sh.chunks());
        shape.put("childExecutions", sh.childExecutions());
        shape.put("stagedFiles", sh.stagedFiles());
        shape.put("validRecords", sh.validRecords());
        shape.put("curatedBytes", sh.curatedBytes());
        shape.put("rejectsBytes", sh.rejectsBytes());
        shape.put("partitions", sh.partitions());
        shape.put("transformSecondsPerChunk", sh.transformSecondsPerChunk());
        shape.put("wallClockSeconds", sh.wallClockSeconds());
        var c = sh.compaction();
        Map<String, Object> compaction = new LinkedHashMap<>();
        compaction.put("rowsPerPartition", c.rowsPerPartition());
        compaction.put("slices", c.slices());
        compaction.put("rowsPerSlice", c.rowsPerSlice());
        compaction.put("secondsPerSlice", c.secondsPerSlice());
        compaction.put("groups", c.groups());
        compaction.put("secondsPerGroup", c.secondsPerGroup());
        compaction.put("sliceRows", c.sliceRows());
        compaction.put("stagedSorted", c.stagedSorted());
        shape.put("compaction", compaction);
        out.put("shape", shape);
        List<Map<String, Object>> items = new ArrayList<>();
        for (LineItem i : e.items()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service", i.service());
            m.put("item", i.item());
            m.put("quantity", i.quantity());
            m.put("unit", i.unit());
            m.put("unitUsd", i.unitUsd());
            m.put("usd", i.usd());
            m.put("note", i.note());
            items.add(m);
        }
        out.put("items", items);
        Map<String, Object> services = new LinkedHashMap<>();
        services(e).forEach(sv -> services.put(sv, e.usd(sv)));
        out.put("servicesUsd", services);
        out.put("totalUsd", e.totalUsd());
        out.put("memoryMb", e.memoryMb());
        List<Map<String, Object>> recs = new ArrayList<>();
        for (MemoryRecommendation m : e.recommendations()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("function", m.function());
            x.put("recommended", choice(m.chosen()));
            x.put("fastest", choice(m.fastest()));
            x.put("minMemoryMb", m.minMemoryMb());
            x.put("explanation", m.explanation());
            recs.add(x);
        }
        out.put("recommendations", recs);
        GlueEtlCost g = e.glueEtl();
        out.put("glueEtl", Map.of("dpus", g.dpus(), "runSeconds", g.runSeconds(), "billedSeconds", g.billedSeconds(),
                "dpuHours", g.dpuHours(), "usd", g.usd(), "note", g.note()));
        List<Map<String, Object>> athena = new ArrayList<>();
        for (AthenaQueryCost q : e.athena()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("query", q.query());
            x.put("table", q.table());
            x.put("columns", q.columns());
            x.put("curatedBytes", q.curatedBytes());
            x.put("curatedUsd", q.curatedUsd());
            x.put("rawBytes", q.rawBytes());
            x.put("rawUsd", q.rawUsd());
            athena.add(x);
        }
        out.put("athena", athena);
        out.put("warnings", e.warnings());
        return out;
    }

    private static Map<String, Object> choice(MemoryChoice c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("memoryMb", c.memoryMb());
        m.put("secondsPerInvocation", c.secondsPerInvocation());
        m.put("gbSeconds", c.gbSeconds());
        m.put("usd", c.usd());
        return m;
    }

    private static List<String> services(CostEstimate e) {
        return e.items().stream().map(LineItem::service).distinct().toList();
    }

    private static String quantity(double q) {
        if (q == Math.rint(q)) {
            return String.format("%,d", (long) q);
        }
        return q < 1 ? String.format("%.6f", q) : String.format("%,.3f", q);
    }

    static String human(long n) {
        if (n >= 1L << 30) {
            return String.format("%.1f GiB", n / 1073741824.0);
        }
        if (n >= 1L << 20) {
            return String.format("%.1f MiB", n / 1048576.0);
        }
        if (n >= 1L << 10) {
            return String.format("%.1f KiB", n / 1024.0);
        }
        return n + " B";
    }
}
