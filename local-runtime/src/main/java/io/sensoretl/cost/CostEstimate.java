package io.sensoretl.cost;

import java.util.List;
import java.util.Map;

/**
 * An itemised estimate for one dump: what the run does ({@link Shape}), the priced line items, the
 * memory used and recommended per function, the Glue ETL alternative and the Athena scans.
 */
public record CostEstimate(
        CostRequest request,
        PriceList prices,
        TransformBenchmark benchmark,
        double compactRowsPerSecond,
        String compactSource,
        Shape shape,
        List<LineItem> items,
        Map<String, Integer> memoryMb,
        List<MemoryRecommendation> recommendations,
        GlueEtlCost glueEtl,
        List<AthenaQueryCost> athena,
        List<String> warnings) {

    /** The run's counts, derived from the request, the benchmark and the assumptions. */
    public record Shape(long chunks, long childExecutions, long stagedFiles, long validRecords, long curatedBytes,
                        long rejectsBytes, int partitions, double transformSecondsPerChunk, double wallClockSeconds,
                        Compaction compaction) {}

    /**
     * How each partition is compacted: key-range slices of at most {@code sliceRows} rows, group tasks
     * sorting the staged files first (0 when slices read them directly), seconds per invocation.
     */
    public record Compaction(long rowsPerPartition, long slices, long groups, long rowsPerSlice, double secondsPerSlice,
                             double secondsPerGroup, long sliceRows, boolean stagedSorted) {}

    public double totalUsd() {
        return items.stream().mapToDouble(LineItem::usd).sum();
    }

    public double usd(String service) {
        return items.stream().filter(i -> i.service().equals(service)).mapToDouble(LineItem::usd).sum();
    }
}
