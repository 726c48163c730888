package io.sensoretl.cost;

import java.util.Map;

/**
 * What {@code ./sensor-etl bench transform} measured on one machine: the transform core's
 * single-threaded throughput and what it wrote. The cost model scales everything from these.
 */
public record TransformBenchmark(
        String source,
        long inputBytes,
        long records,
        long valid,
        double seconds,  // CPU seconds when measured, else wall-clock
        double peakHeapMb,
        long parquetBytes,
        int parquetFiles,
        int chunks,
        Map<String, Long> parquetColumnBytes,
        long rejectsBytes,
        Map<String, Long> rejectsColumnBytes,
        Arch arch,
        String measuredAt) {

    /**
     * Input bytes per second of one core: per second of the process's CPU time when the benchmark
     * measured it (all of the JVM's threads, as they would share a Lambda's one vCPU; unaffected by other
     * load on the bench machine), else per second of wall-clock time.
     */
    public double bytesPerSecond() {
        return inputBytes / seconds;
    }

    public double parquetBytesPerInputByte() {
        return (double) parquetBytes / inputBytes;
    }

    public double rejectsBytesPerInputByte() {
        return (double) rejectsBytes / inputBytes;
    }

    public double validRecordsPerInputByte() {
        return (double) valid / inputBytes;
    }

    /** Staged Parquet files one chunk writes (one per day partition it touches). */
    public double stagedFilesPerChunk() {
        return (double) parquetFiles / chunks;
    }

    public static TransformBenchmark from(DataFile f) {
        return new TransformBenchmark(
                f.name(),
                (long) f.positive(DataFile.field(f, "inputBytes")),
                (long) f.number("records"),
                (long) f.number("valid"),
                f.has(DataFile.field(f, "cpuSeconds")) ? f.positive(DataFile.field(f, "cpuSeconds")) : f.positive("seconds"),
                f.positive(DataFile.field(f, "peakHeapMb")),
                (long) (f.has(DataFile.field(f, "curatedBytes")) ? f.positive(DataFile.field(f, "curatedBytes")) : f.positive(DataFile.field(f, "parquetBytes"))),
                (int) f.positive(DataFile.field(f, "parquetFiles")),
                (int) f.positive("chunks"),
                f.longs(DataFile.field(f, "parquetColumnBytes")),
                (long) f.number(DataFile.field(f, "rejectsBytes"), 0),
                f.longs(DataFile.field(f, "rejectsColumnBytes")),
                Arch.parse(f.text("arch")),
                f.has(DataFile.field(f, "measuredAt")) ? f.text(DataFile.field(f, "measuredAt")) : "unknown");
    }
}
