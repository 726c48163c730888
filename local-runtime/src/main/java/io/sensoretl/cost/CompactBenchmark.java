package io.sensoretl.cost;

/**
 * What {@code ./sensor-etl bench compact} measured: staged rows compacted (sorted, merged, written as
 * curated parts) per second of process CPU time, and the heap it needed.
 */
public record CompactBenchmark(String source, long rows, double seconds, double peakHeapMb, String measuredAt) {

    /** Rows per CPU-second when measured (wall-clock seconds otherwise). */
    public double rowsPerSecond() {
        return rows / seconds;
    }

    public static CompactBenchmark from(DataFile f) {
        return new CompactBenchmark(
                f.name(),
                (long) f.positive("rows"),
                f.has(DataFile.field(f, "cpuSeconds")) ? f.positive(DataFile.field(f, "cpuSeconds")) : f.positive("seconds"),
                f.positive(DataFile.field(f, "peakHeapMb")),
                f.has(DataFile.field(f, "measuredAt")) ? f.text(DataFile.field(f, "measuredAt")) : "unknown");
    }
}
