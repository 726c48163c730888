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
                f.has("cpu_seconds") ? f.positive("cpu_seconds") : f.positive("seconds"),
                f.positive("peak_heap_mb"),
                f.has("measured_at") ? f.text("measured_at") : "unknown");
    }
}
