package io.sensoretl.cost;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost model's assumptions (docs/cost-model.yaml): what is not measured by the benchmark and not a
 * price. Each is documented in docs/cost.md with its reason; users change the file, not the code.
 */
public record CostAssumptions(
        String source,
        int fullVcpuMemoryMb,
        Map<Arch, Double> speedVsBenchCore,
        int minMemoryMb,
        int maxMemoryMb,
        int memoryStepMb,
        double transformIoSeconds,
        double transformHeapHeadroom,
        int transformJvmOverheadMb,
        double compactRowsPerSecond,
        double compactIoSeconds,
        int compactMinMemoryMb,
        Compaction compaction,
        double latestIoSecondsPerSeries,
        Map<String, FixedFunction> fixedFunctions,
        int parentTransitions,
        int standardChildTransitions,
        int expressChildMemoryMb,
        double expressChildOverheadSeconds,
        int mapMaxConcurrency,
        double deadLetterShare,
        int partitionsPerRun,
        long seriesPerRun,
        double boundaryGetsPerChunk,
        double parquetGetsPerStagedFile,
        long compactTargetBytes,
        long multipartPartBytes,
        double logBytesPerInvocation,
        int s3FixedGets,
        int s3FixedPuts,
        int dynamoDbWritesPerRun,
        int dynamoDbWritesPerPartition,
        int glueCallsPerRun,
        int glueCallsPerPartition,
        int glueDpus,
        int glueVcpusPerDpu,
        double glueParallelEfficiency,
        double glueBilledStartupSeconds) {

    /** The small once-per-run functions, in workflow order (compact-plan and compact-publish are the compact function). */
    public static final List<String> FIXED = List.of("record-run", "plan", "run-results", "compact-plan", "compact-publish",
            "latest-readings", "close-run");

    /**
     * How compaction is cut into tasks (docs/finalisation.md): a partition of more than
     * {@code sliceRows} rows is compacted in key-range slices of at most that many rows, after group
     * tasks of as many rows have sorted the staged files (unless those are sorted and few).
     *
     * @param sliceRows         COMPACT_SLICE_ROWS (template.yaml CompactSliceRows)
     * @param mergeFanIn        COMPACT_FAN_IN: most staged files a slice reads directly
     * @param stagedSorted      whether the transform writes its staged files sorted and says so in their footers
     * @param ioSecondsPerInput waiting per sorted run a slice opens (the first byte of a GET)
     * @param maxTaskSeconds    the per-invocation target no slice or group task may exceed
     * @param maxConcurrency    compaction tasks at once (CompactReservedConcurrency), for the wall-clock estimate
     */
    public record Compaction(long sliceRows, int mergeFanIn, boolean stagedSorted, double ioSecondsPerInput,
                             double maxTaskSeconds, int maxConcurrency) {}

    /** A function whose work per invocation does not depend on the dump size (to first order). */
    public record FixedFunction(double cpuSeconds, double ioSeconds, int minMemoryMb) {}

    public double speed(Arch arch) {
        return speedVsBenchCore.get(arch);
    }

    public static CostAssumptions from(DataFile f) {
        Map<String, FixedFunction> fixed = new LinkedHashMap<>();
        for (String fn : FIXED) {
            String p = "functions." + fn + ".";
            fixed.put(fn, new FixedFunction(f.number(p + "cpu_seconds"), f.number(p + "io_seconds"),
                    (int) f.positive(p + "min_memory_mb")));
        }
        return new CostAssumptions(
                f.name(),
                (int) f.positive("cpu.full_vcpu_memory_mb"),
                Map.of(Arch.X86_64, f.positive("cpu.speed_vs_bench_core.x86_64"),
                        Arch.ARM64, f.positive("cpu.speed_vs_bench_core.arm64")),
                (int) f.positive("memory.min_mb"),
                (int) f.positive("memory.max_mb"),
                (int) f.positive("memory.step_mb"),
                f.number("functions.transform.io_seconds"),
                f.positive("functions.transform.heap_headroom"),
                (int) f.number("functions.transform.jvm_overhead_mb"),
                f.positive("functions.compact.rows_per_second"),
                f.number("functions.compact.io_seconds"),
                (int) f.positive("functions.compact.min_memory_mb"),
                new Compaction((long) f.positive("functions.compact.slice_rows"), (int) f.positive("functions.compact.merge_fan_in"),
                        f.flag("functions.compact.staged_sorted"), f.number("functions.compact.io_seconds_per_input"),
                        f.positive("functions.compact.max_task_seconds"), (int) f.positive("functions.compact.max_concurrency")),
                f.number("functions.latest-readings.io_seconds_per_series"),
                fixed,
                (int) f.number("workflow.parent_transitions"),
                (int) f.number("workflow.standard_child_transitions"),
                (int) f.positive("workflow.express_child_memory_mb"),
                f.number("workflow.express_child_overhead_seconds"),
                (int) f.positive("workflow.map_max_concurrency"),
                f.number("workflow.dead_letter_share"),
                (int) f.positive("workload.partitions_per_run"),
                (long) f.number("workload.series_per_run"),
                f.number("workload.boundary_gets_per_chunk"),
                f.number("workload.parquet_gets_per_staged_file"),
                (long) (f.positive("workload.compact_target_mib") * 1024 * 1024),
                (long) (f.positive("workload.multipart_part_mib") * 1024 * 1024),
                f.number("workload.log_bytes_per_invocation"),
                (int) f.number("workload.s3_fixed_gets"),
                (int) f.number("workload.s3_fixed_puts"),
                (int) f.number("workload.dynamodb_writes_per_run"),
                (int) f.number("workload.dynamodb_writes_per_partition"),
                (int) f.number("workload.glue_calls_per_run"),
                (int) f.number("workload.glue_calls_per_partition"),
                (int) f.positive("glue_etl.dpus"),
                (int) f.positive("glue_etl.vcpus_per_dpu"),
                f.positive("glue_etl.parallel_efficiency"),
                f.number("glue_etl.billed_startup_seconds"));
    }
}
