package io.sensoretl.cost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What processing one dump costs on AWS, itemised. Pure arithmetic over four inputs: the request,
 * the price list, the assumptions and the measured transform benchmark (docs/cost.md explains
 * every formula). Athena queries are priced separately: they are paid per use, not per run.
 */
public final class CostModel {
    public static final String LAMBDA = "Lambda";
    public static final String STEP_FUNCTIONS = "Step Functions";
    public static final String S3 = "S3";
    public static final String DYNAMODB = "DynamoDB";
    public static final String GLUE_CATALOG = "Glue Data Catalog";
    public static final String SQS = "SQS";
    public static final String LOGS = "CloudWatch Logs";

    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final double TIB = GIB * 1024;
    private static final double LAMBDA_LIMIT_SECONDS = 900;
    private static final double EXPRESS_LIMIT_SECONDS = 300;

    private final PriceList prices;
    private final CostAssumptions a;
    private final TransformBenchmark bench;
    private final CompactBenchmark compactBench;

    public CostModel(PriceList prices, CostAssumptions assumptions, TransformBenchmark benchmark) {
        this(prices, assumptions, benchmark, null);
    }

    /** {@code compactBenchmark} may be null: compaction speed then comes from the assumptions. */
    public CostModel(PriceList prices, CostAssumptions assumptions, TransformBenchmark benchmark,
                     CompactBenchmark compactBenchmark) {
        this.prices = prices;
        this.a = assumptions;
        this.bench = benchmark;
        this.compactBench = compactBenchmark;
    }

    /** Compaction rows per second on one core: measured by {@code bench compact} if given, else assumed. */
    public double compactRowsPerSecond() {
        return compactBench != null ? compactBench.rowsPerSecond() : a.compactRowsPerSecond();
    }

    /** Where the compaction speed came from, for the report. */
    public String compactSource() {
        return compactBench != null ? compactBench.source() + " (" + compactBench.measuredAt() + ")"
                : a.source() + " (functions.compact.rows_per_second, not measured by a bench file)";
    }

    private int compactFloorMb() {
        int measured = compactBench == null ? 0
                : (int) Math.ceil(compactBench.peakHeapMb() * a.transformHeapHeadroom() + a.transformJvmOverheadMb());
        return Math.max(a.compactMinMemoryMb(), measured);
    }

    /**
     * How one partition is compacted: rows, key-range slices and group tasks, as the compactor's
     * planner decides them (CompactionPlanner): slices of at most {@code sliceRows} rows; group
     * tasks of as many rows first, unless the partition is one slice or its staged files are sorted
     * and few enough for a slice to read them all.
     */
    public record CompactionShape(long rowsPerPartition, long slices, long groups, double rowsPerSlice, double rowsPerGroup,
                                  long stagedFilesPerPartition) {}

    public CompactionShape compaction(CostRequest r) {
        CostAssumptions.Compaction c = a.compaction();
        long rows = Math.round(r.sizeBytes() * bench.validRecordsPerInputByte() / a.partitionsPerRun());
        long slices = Math.max(1, ceilDiv(rows, c.sliceRows()));
        long stagedFiles = Math.max(1, Math.round(Math.ceil(ceilDiv(r.sizeBytes(), r.chunkBytes()) * bench.stagedFilesPerChunk()
                / a.partitionsPerRun())));
        boolean direct = slices == 1 || (c.stagedSorted() && stagedFiles <= c.mergeFanIn());
        long groups = direct ? 0 : Math.max(1, ceilDiv(rows, c.sliceRows()));
        return new CompactionShape(rows, slices, groups, (double) rows / slices, groups == 0 ? 0 : (double) rows / groups,
                stagedFiles);
    }

    /** The per-function work of a run: the input of the memory advice and of the Lambda line items. */
    public List<FunctionLoad> loads(CostRequest r) {
        long chunks = ceilDiv(r.sizeBytes(), r.chunkBytes());
        double bytesPerSecond = bench.bytesPerSecond() * a.speed(r.arch());
        int transformFloor = (int) Math.ceil(bench.peakHeapMb() * a.transformHeapHeadroom() + a.transformJvmOverheadMb());
        double rowsPerSecond = compactRowsPerSecond() * a.speed(r.arch());
        CompactionShape c = compaction(r);
        List<FunctionLoad> loads = new ArrayList<>();
        for (String fn : CostAssumptions.FIXED) {
            CostAssumptions.FixedFunction f = a.fixedFunctions().get(fn);
            double io = f.ioSeconds() + (fn.equals("latest-readings") ? a.seriesPerRun() * a.latestIoSecondsPerSeries() : 0);
            if (fn.equals("compact-publish")) {
                // the compaction tasks run between planning and publishing
                if (c.groups() > 0) {
                    loads.add(new FunctionLoad(COMPACT_GROUP, a.partitionsPerRun() * c.groups(), c.rowsPerGroup() / rowsPerSecond,
                            a.compactIoSeconds(), compactFloorMb()));
                }
                double inputs = c.groups() > 0 ? c.groups() : (c.slices() > 1 ? c.stagedFilesPerPartition() : 0);
                loads.add(new FunctionLoad(COMPACT, a.partitionsPerRun() * c.slices(), c.rowsPerSlice() / rowsPerSecond,
                        a.compactIoSeconds() + inputs * a.compaction().ioSecondsPerInput(), compactFloorMb()));
            }
            loads.add(new FunctionLoad(fn, 1, f.cpuSeconds(), io, fn.startsWith("compact") ? compactFloorMb() : f.minMemoryMb()));
            if (fn.equals("plan")) {
                loads.add(new FunctionLoad("transform", chunks, (double) r.sizeBytes() / chunks / bytesPerSecond,
                        a.transformIoSeconds(), transformFloor));
            }
        }
        return loads;
    }

    /** The compact function's slice tasks: its memory is chosen for them and used by its other tasks too. */
    public static final String COMPACT = "compact";
    public static final String COMPACT_GROUP = "compact-group";

    public MemoryAdvisor advisor() {
        return new MemoryAdvisor(a.fullVcpuMemoryMb(), a.minMemoryMb(), a.maxMemoryMb(), a.memoryStepMb());
    }

    public CostEstimate estimate(CostRequest r, Map<String, String> queries) {
        List<String> warnings = new ArrayList<>();
        MemoryAdvisor advisor = advisor();
        double gbSecond = prices.lambdaGbSecond(r.arch());
        List<FunctionLoad> loads = loads(r);
        List<MemoryRecommendation> recommendations = new ArrayList<>();
        Map<String, Integer> memory = new LinkedHashMap<>();
        List<LineItem> items = new ArrayList<>();
        double transformSeconds = 0;
        double wall = 0;
        long chunks = ceilDiv(r.sizeBytes(), r.chunkBytes());
        long children = ceilDiv(chunks, r.chunksPerChild());
        Map<String, MemoryRecommendation> byFunction = new LinkedHashMap<>();
        for (FunctionLoad load : loads) {
            if (!load.function().startsWith(COMPACT) || load.function().equals(COMPACT)) {
                MemoryRecommendation rec = advisor.recommend(load, r.slowdown(), gbSecond, prices.lambdaRequest());
                recommendations.add(rec);
                byFunction.put(load.function(), rec);
            }
        }
        CompactionShape compaction = compaction(r);
        double secondsPerSlice = 0;
        double secondsPerGroup = 0;
        for (FunctionLoad load : loads) {
            // one compact function runs plan, group, slice and publish: one memory size, chosen for the slices
            String fn = load.function().startsWith(COMPACT) ? COMPACT : load.function();
            int mb = fn.equals("transform") && r.transformMemoryMb() != null ? r.transformMemoryMb()
                    : byFunction.get(fn).chosen().memoryMb();
            if (mb < load.minMemoryMb()) {
                warnings.add(String.format("%s at %d MB is below its memory floor of %d MB (measured peak heap %.0f MB"
                        + " plus JVM overhead): expect OutOfMemoryError", load.function(), mb, load.minMemoryMb(), bench.peakHeapMb()));
            }
            memory.put(fn, mb);
            double seconds = load.secondsAt(mb, a.fullVcpuMemoryMb());
            if (seconds > LAMBDA_LIMIT_SECONDS) {
                warnings.add(String.format("%s needs %.0f s per invocation at %d MB, over Lambda's 15-minute limit: %s",
                        load.function(), seconds, mb, load.function().equals("transform") ? "use a smaller --chunk"
                                : "lower COMPACT_SLICE_ROWS (functions.compact.slice_rows)"));
            } else if (load.function().startsWith(COMPACT) && seconds > a.compaction().maxTaskSeconds()) {
                warnings.add(String.format("%s needs %.0f s per invocation at %d MB, over the %.0f s a compaction task may take:"
                        + " lower COMPACT_SLICE_ROWS (functions.compact.slice_rows)", load.function(), seconds, mb,
                        a.compaction().maxTaskSeconds()));
            }
            if (load.function().equals("transform")) {
                transformSeconds = seconds;
                wall += ceilDiv(children, a.mapMaxConcurrency()) * r.chunksPerChild()
                        * (seconds + a.expressChildOverheadSeconds());
            } else if (load.function().equals(COMPACT) || load.function().equals(COMPACT_GROUP)) {
                // tasks of every partition run side by side, as many at once as the Map allows
                wall += ceilDiv(load.invocations(), a.compaction().maxConcurrency()) * seconds;
                if (load.function().equals(COMPACT)) {
                    secondsPerSlice = seconds;
                } else {
                    secondsPerGroup = seconds;
                }
            } else {
                wall += seconds;
            }
            String per = load.invocations() == 1 ? "once per run" : load.function().equals("transform") ? "one per chunk"
                    : load.function().equals(COMPACT) ? "one per slice" : "one per group task";
            items.add(new LineItem(LAMBDA, load.function() + " requests", load.invocations(), "request",
                    prices.lambdaRequest(), per));
            items.add(new LineItem(LAMBDA, load.function() + " compute", load.gbSecondsAt(mb, a.fullVcpuMemoryMb()), "GB-s",
                    gbSecond, String.format("%,d x %.3f s x %,d MB / 1024 (%s)", load.invocations(), seconds, mb, r.arch().id())));
        }

        // Step Functions: the Standard parent pays per transition, one per child started by the
        // Distributed Map; the Express children pay per request and per GB-s of their own duration.
        long compactionChildren = a.partitionsPerRun() * (compaction.slices() + compaction.groups());
        long transitions = a.parentTransitions() + children + compactionChildren * (1 + a.standardChildTransitions());
        items.add(new LineItem(STEP_FUNCTIONS, "Standard state transitions", transitions, "transition",
                prices.standardTransition(), String.format("%d parent states + 1 per chunk child (%,d) + %d per compaction task"
                        + " child (%,d slices and group tasks, STANDARD)", a.parentTransitions(), children,
                        1 + a.standardChildTransitions(), compactionChildren)));
        items.add(new LineItem(STEP_FUNCTIONS, "Express child requests", children, "request", prices.expressRequest(),
                r.chunksPerChild() == 1 ? "one child per chunk" : r.chunksPerChild() + " chunks per child (ItemBatcher)"));
        double childSeconds = r.chunksPerChild() * (transformSeconds + a.expressChildOverheadSeconds());
        if (childSeconds > EXPRESS_LIMIT_SECONDS) {
            warnings.add(String.format("an Express child runs %.0f s, over Express's 5-minute limit: use a smaller --chunk or --batch",
                    childSeconds));
        }
        double increment = prices.expressDurationIncrementMs() / 1000.0;
        double billedChildSeconds = Math.ceil(childSeconds / increment - 1e-9) * increment;
        double childGb = Math.ceil((double) a.expressChildMemoryMb() / prices.expressMemoryIncrementMb())
                * prices.expressMemoryIncrementMb() / 1024.0;
        items.add(new LineItem(STEP_FUNCTIONS, "Express child duration", children * billedChildSeconds * childGb, "GB-s",
                prices.expressGbSecond(), String.format("%,d x %.1f s (rounded up to %d ms) x %.4f GB (%d MB increments)",
                children, billedChildSeconds, prices.expressDurationIncrementMs(), childGb, prices.expressMemoryIncrementMb())));

        // S3
        long stagedFiles = Math.round(Math.ceil(chunks * bench.stagedFilesPerChunk()));
        long curatedBytes = Math.round(r.sizeBytes() * bench.parquetBytesPerInputByte());
        long rejectsBytes = Math.round(r.sizeBytes() * bench.rejectsBytesPerInputByte());
        int partitions = a.partitionsPerRun();
        long stagedFileBytes = curatedBytes / Math.max(1, stagedFiles);
        long rangedGets = Math.round(chunks * (1 + a.boundaryGetsPerChunk()));
        long otherGets = a.s3FixedGets() + Math.round(stagedFiles * a.parquetGetsPerStagedFile()) + partitions;
        long partitionBytes = curatedBytes / partitions;
        // each slice cuts its own parts near the target size
        long sliceBytes = partitionBytes / compaction.slices();
        long filesPerPartition = compaction.slices() * Math.max(1, ceilDiv(sliceBytes, a.compactTargetBytes()));
        long curatedFileBytes = partitionBytes / filesPerPartition;
        long singlePuts = a.s3FixedPuts() + partitions; // manifest, ResultWriter; latest-readings file per partition
        long multipart = 0;
        for (long[] group : new long[][] {{stagedFiles, stagedFileBytes}, {partitions * filesPerPartition, curatedFileBytes},
                {rejectsBytes > 0 ? chunks : 0, rejectsBytes / chunks}}) {
            if (group[1] <= a.multipartPartBytes()) {
                singlePuts += group[0];
            } else {
                multipart += group[0] * (ceilDiv(group[1], a.multipartPartBytes()) + 2);
            }
        }
        long lists = ceilDiv(Math.max(1, stagedFiles), 1000) + 2; // compaction's staging listing, latest and rejects prefixes
        items.add(new LineItem(S3, "ranged GETs of the dump", rangedGets, "request", prices.s3GetRequest(),
                String.format("%,d chunks x (1 + %.1f boundary follow-up)", chunks, a.boundaryGetsPerChunk())));
        items.add(new LineItem(S3, "other GETs and HEADs", otherGets, "request", prices.s3GetRequest(),
                String.format("%d fixed + %,d staged files x %.0f (footer, columns) + %d latest files", a.s3FixedGets(),
                        stagedFiles, a.parquetGetsPerStagedFile(), partitions)));
        items.add(new LineItem(S3, "PUTs", singlePuts, "request", prices.s3PutRequest(),
                String.format("staged Parquet (%,d files of ~%s), rejects (1 per chunk), curated parts <= %s, manifest, results",
                        stagedFiles, bytes(stagedFileBytes), bytes(a.multipartPartBytes()))));
        items.add(new LineItem(S3, "multipart requests (create, parts, complete)", multipart, "request", prices.s3PutRequest(),
                String.format("objects over %s; curated: %,d file(s) of ~%s per partition", bytes(a.multipartPartBytes()),
                        filesPerPartition, bytes(curatedFileBytes))));
        items.add(new LineItem(S3, "LISTs", lists, "request", prices.s3PutRequest(), "LIST is priced like PUT"));
        // compaction's working files under runs/<run>/compact/: the plan and the Maps' items, one sorted run per
        // group task and slice, a manifest per task; slices read the group runs, publish reads the slice manifests
        long slices = compaction.slices();
        long groups = compaction.groups();
        long sampled = Math.min(compaction.stagedFilesPerPartition(), CompactionSample.FILES);
        long workPuts = 2 + 2 + (long) partitions * (1 + groups * (slices + 1) + slices);
        long workGets = 2 + (long) partitions * (2 * sampled + groups * slices + slices * groups + slices);
        items.add(new LineItem(S3, "compaction working files: PUTs", workPuts, "request", prices.s3PutRequest(),
                String.format("plan per partition, Map items and results, %,d group task(s) x %,d slice(s) sorted runs"
                        + " and manifests, slice manifests", groups, slices)));
        items.add(new LineItem(S3, "compaction working files: GETs", workGets, "request", prices.s3GetRequest(),
                String.format("planner's sample (footers and key columns of up to %d staged files), sorted runs read by"
                        + " slices, manifests", CompactionSample.FILES)));

        long writes = a.dynamoDbWritesPerRun() + (long) partitions * a.dynamoDbWritesPerPartition() + a.seriesPerRun();
        items.add(new LineItem(DYNAMODB, "on-demand write request units", writes, "WRU", prices.dynamoDbWriteRequestUnit(),
                String.format("ledger %d + partition leases %d x %d + latest readings %,d series (items < 1 KB)",
                        a.dynamoDbWritesPerRun(), partitions, a.dynamoDbWritesPerPartition(), a.seriesPerRun())));
        long glueCalls = a.glueCallsPerRun() + (long) partitions * a.glueCallsPerPartition();
        items.add(new LineItem(GLUE_CATALOG, "catalog API calls", glueCalls, "request", prices.glueCatalogRequest(),
                String.format("%d per run (tables, rejects partition) + %d per partition", a.glueCallsPerRun(), a.glueCallsPerPartition())));
        long deadLettered = Math.round(chunks * a.deadLetterShare());
        items.add(new LineItem(SQS, "dead-letter messages (send, receive, delete)", deadLettered * 3, "request",
                prices.sqsRequest(), String.format("%.1f%% of %,d chunks dead-lettered, each sent, received and deleted on redrive",
                        100 * a.deadLetterShare(), chunks)));
        long invocations = loads.stream().mapToLong(FunctionLoad::invocations).sum();
        items.add(new LineItem(LOGS, "log and EMF ingestion", invocations * a.logBytesPerInvocation() / GIB, "GB",
                prices.logsIngestionPerGb(), String.format("%,d invocations x %.0f bytes", invocations, a.logBytesPerInvocation())));

        CostEstimate.Shape shape = new CostEstimate.Shape(chunks, children, stagedFiles,
                Math.round(r.sizeBytes() * bench.validRecordsPerInputByte()), curatedBytes, rejectsBytes, partitions,
                transformSeconds, wall, new CostEstimate.Compaction(compaction.rowsPerPartition(), compaction.slices(),
                        compaction.groups(), Math.round(compaction.rowsPerSlice()), secondsPerSlice, secondsPerGroup,
                        a.compaction().sliceRows(), a.compaction().stagedSorted()));
        return new CostEstimate(r, prices, bench, compactRowsPerSecond(), compactSource(), shape, items, memory,
                recommendations, glueEtl(r), athena(r, queries), warnings);
    }

    /**
     * Glue: the same work (transform, then sort and compaction) at the measured per-core speeds on
     * every vCPU of the job, discounted for Spark's parallel overheads.
     */
    public GlueEtlCost glueEtl(CostRequest r) {
        int dpus = Math.max(prices.glueMinimumDpus(), a.glueDpus());
        double speed = a.speed(Arch.X86_64);
        double coreSeconds = r.sizeBytes() / (bench.bytesPerSecond() * speed)
                + r.sizeBytes() * bench.validRecordsPerInputByte() / (compactRowsPerSecond() * speed);
        double seconds = a.glueBilledStartupSeconds() + coreSeconds / (dpus * a.glueVcpusPerDpu() * a.glueParallelEfficiency());
        double billed = Math.max(prices.glueMinimumBilledSeconds(), Math.ceil(seconds));
        double dpuHours = dpus * billed / 3600;
        return new GlueEtlCost(dpus, seconds, billed, dpuHours, dpuHours * prices.glueDpuHour(),
                String.format("%.0f core-seconds of transform and compaction work on %d DPU x %d vCPU at %.2f efficiency,"
                        + " %.0f s start-up; billed per second, %d s minimum", coreSeconds, dpus, a.glueVcpusPerDpu(),
                        a.glueParallelEfficiency(), a.glueBilledStartupSeconds(), prices.glueMinimumBilledSeconds()));
    }

    public List<AthenaQueryCost> athena(CostRequest r, Map<String, String> queries) {
        double scale = (double) r.sizeBytes() / bench.inputBytes();
        TreeSet<String> known = new TreeSet<>(bench.parquetColumnBytes().keySet());
        known.addAll(bench.rejectsColumnBytes().keySet());
        double minimum = prices.athenaMinimumMbPerQuery() * 1024 * 1024;
        List<AthenaQueryCost> out = new ArrayList<>();
        queries.forEach((name, sql) -> {
            QueryColumns q = QueryColumns.of(sql, known);
            List<String> tables = new ArrayList<>();
            TreeSet<String> used = new TreeSet<>();
            long curated = 0;
            for (var table : List.of(Map.entry("readings", bench.parquetColumnBytes()), Map.entry("rejects", bench.rejectsColumnBytes()))) {
                if (!q.tables().contains(table.getKey())) {
                    continue;
                }
                tables.add(table.getKey());
                for (String c : q.columns()) {
                    if (table.getValue().containsKey(c)) {
                        used.add(c);
                        curated += Math.round(table.getValue().get(c) * scale);
                    }
                }
            }
            if (tables.isEmpty()) {
                return; // only tables the benchmark does not describe (e.g. the run ledger): tiny, not estimated
            }
            String table = String.join("+", tables);
            out.add(new AthenaQueryCost(name, table, used, curated, r.sizeBytes(),
                    Math.max(curated, minimum) / TIB * prices.athenaPerTb(),
                    Math.max(r.sizeBytes(), minimum) / TIB * prices.athenaPerTb()));
        });
        return out;
    }

    /** The planner's sample: footers and key columns of at most this many staged files (CompactionPlanner). */
    static final class CompactionSample {
        static final int FILES = 32;
    }

    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    static String bytes(long n) {
        if (n >= 1L << 30) {
            return String.format("%.1f GiB", n / GIB);
        }
        if (n >= 1L << 20) {
            return String.format("%.1f MiB", n / 1048576.0);
        }
        return String.format("%.1f KiB", n / 1024.0);
    }
}
