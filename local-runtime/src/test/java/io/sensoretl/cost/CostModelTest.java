package io.sensoretl.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.sensoretl.lambda.LambdaFunction;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cost model on round inputs (src/test/resources/cost/round-*): every expected number is
 * written as the arithmetic that produces it.
 *
 * <p>Benchmark: 1e9 bytes in 10 s = 1e8 B/s on one core; 4e6 valid records (4e-3 per byte); 5e7 bytes
 * of Parquet (0.05 per byte) in 40 files over 20 chunks (2 per chunk); 1e6 bytes of rejects; peak heap 400 MB.
 * Request: 2e9 bytes in 1e8-byte chunks = 20 chunks, x86_64, transform at 1769 MB.
 */
class CostModelTest {
    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final double TIB = GIB * 1024;

    private CostModel model;
    private final CostRequest request = new CostRequest(2_000_000_000L, 100_000_000L, Arch.X86_64, 1769, 0.10, 1);

    static Path resource(String name) throws Exception {
        return Path.of(CostModelTest.class.getResource("/cost/" + name).toURI());
    }

    @BeforeEach
    void load() throws Exception {
        model = new CostModel(PriceList.from(DataFile.read(resource("round-prices.yaml"))),
                CostAssumptions.from(DataFile.read(resource("round-model.yaml"))),
                TransformBenchmark.from(DataFile.read(resource("round-bench.json"))));
    }

    private static LineItem item(CostEstimate e, String service, String item) {
        return e.items().stream().filter(i -> i.service().equals(service) && i.item().equals(item)).findFirst()
                .orElseThrow(() -> new AssertionError("no line item " + service + " / " + item + " in " + e.items()));
    }

    /**
     * The cost model prices the functions of the registry ({@link LambdaFunction}): every function has
     * a load, every load is a function or a task of one ({@code <function>-<task>}), and the fixed
     * functions of docs/cost-model.yaml are the registry's {@link LambdaFunction.Cost#FIXED} ones.
     */
    @Test
    void theModelPricesExactlyTheRegisteredFunctions() {
        List<String> loads = model.loads(request).stream().map(FunctionLoad::function).toList();
        for (LambdaFunction f : LambdaFunction.values()) {
            assertThat(loads).as("a load of " + f.functionName()).contains(f.functionName());
        }
        assertThat(loads).allSatisfy(name -> assertThat(LambdaFunction.names())
                .as(name + " is a registered function or a task of one").anyMatch(f -> name.equals(f) || name.startsWith(f + "-")));
        assertThat(CostAssumptions.FIXED).containsAll(java.util.Arrays.stream(LambdaFunction.values())
                .filter(f -> f.cost() == LambdaFunction.Cost.FIXED).map(LambdaFunction::functionName).toList());
        assertThat(CostAssumptions.FIXED).allSatisfy(name -> assertThat(LambdaFunction.named(name)
                .or(() -> LambdaFunction.named(name.substring(0, Math.max(0, name.lastIndexOf('-'))))))
                .as(name + " in docs/cost-model.yaml's functions").isPresent());
    }

    @Test
    void transformInvocationsAndGbSecondsFollowFromTheMeasuredThroughput() {
        CostEstimate e = model.estimate(request, Map.of());
        // 20 chunks; per chunk 1e8 B / 1e8 B/s = 1.0 s CPU + 0.5 s waiting = 1.5 s at a full vCPU
        assertThat(e.shape().chunks()).isEqualTo(20);
        assertThat(e.shape().transformSecondsPerChunk()).isCloseTo(1.5, within(1e-12));
        assertThat(item(e, "Lambda", "transform requests").quantity()).isEqualTo(20);
        assertThat(item(e, "Lambda", "transform requests").usd()).isCloseTo(20 * 0.20 / 1e6, within(1e-15));
        // 20 x 1.5 s x 1769/1024 GB = 51.826171875 GB-s, at $0.00001
        assertThat(item(e, "Lambda", "transform compute").quantity()).isCloseTo(20 * 1.5 * 1769 / 1024.0, within(1e-9));
        assertThat(item(e, "Lambda", "transform compute").usd()).isCloseTo(51.826171875 * 0.00001, within(1e-12));
    }

    @Test
    void theArchitectureChangesThePriceAndTheAssumedSpeed() {
        CostEstimate arm = model.estimate(new CostRequest(2_000_000_000L, 100_000_000L, Arch.ARM64, 1769, 0.10, 1), Map.of());
        // arm64 at speed 0.5: 1e8 B / (1e8 x 0.5) B/s = 2.0 s CPU + 0.5 s = 2.5 s; 20 x 2.5 x 1769/1024 GB-s at $0.000008
        assertThat(item(arm, "Lambda", "transform compute").usd()).isCloseTo(20 * 2.5 * 1769 / 1024.0 * 0.000008, within(1e-12));
    }

    @Test
    void stepFunctionsCountParentTransitionsPlusOnePerChildAndExpressDurationInRoundedIncrements() {
        CostEstimate e = model.estimate(request, Map.of());
        // 9 parent states + 20 chunk children + 2 partitions x (2 slices + 2 group tasks) x (1 + 2) = 53 transitions x $0.025/1000
        assertThat(item(e, "Step Functions", "Standard state transitions").quantity()).isEqualTo(53);
        assertThat(item(e, "Step Functions", "Standard state transitions").usd()).isCloseTo(53 * 0.000025, within(1e-15));
        assertThat(item(e, "Step Functions", "Express child requests").usd()).isCloseTo(20 * 1.0 / 1e6, within(1e-15));
        // a child: 1.5 s transform + 0.05 s = 1.55 s, billed 1.6 s; 64 MB = 0.0625 GB; 20 x 1.6 x 0.0625 = 2.0 GB-s
        assertThat(item(e, "Step Functions", "Express child duration").quantity()).isCloseTo(2.0, within(1e-9));
        assertThat(item(e, "Step Functions", "Express child duration").usd()).isCloseTo(2.0 * 0.00002, within(1e-12));
    }

    @Test
    void batchingChunksIntoChildrenCutsRequestsAndTransitions() {
        CostEstimate e = model.estimate(new CostRequest(2_000_000_000L, 100_000_000L, Arch.X86_64, 1769, 0.10, 5), Map.of());
        // 20 chunks / 5 per child = 4 children: 9 + 4 + 24 compaction transitions; each child 5 x 1.55 = 7.75 s, billed 7.8 s
        assertThat(e.shape().childExecutions()).isEqualTo(4);
        assertThat(item(e, "Step Functions", "Standard state transitions").quantity()).isEqualTo(37);
        assertThat(item(e, "Step Functions", "Express child duration").quantity()).isCloseTo(4 * 7.8 * 0.0625, within(1e-9));
    }

    @Test
    void s3RequestsAreCountedPerKind() {
        CostEstimate e = model.estimate(request, Map.of());
        // ranged GETs: 20 chunks x (1 + 1 boundary follow-up) = 40
        assertThat(item(e, "S3", "ranged GETs of the dump").quantity()).isEqualTo(40);
        // staged files: 20 chunks x 2 per chunk = 40; other GETs: 4 fixed + 40 x 2 + 2 latest files = 86
        assertThat(item(e, "S3", "other GETs and HEADs").quantity()).isEqualTo(86);
        // Parquet 2e9 x 0.05 = 1e8 B: staged files of 1e8/40 = 2.5e6 B (< 8 MiB: one PUT each) = 40;
        // rejects 2e9 x 0.001 = 2e6 B, 1e5 per chunk: 20 PUTs; 3 fixed + 2 latest files. 40 + 20 + 3 + 2 = 65
        assertThat(item(e, "S3", "PUTs").quantity()).isEqualTo(65);
        // curated: 2 partitions x 5e7 B in 2 slices: a file each of 2.5e7 B > 8 MiB: ceil(2.5e7 / 8388608) = 3 parts + 2 = 5 each
        assertThat(item(e, "S3", "multipart requests (create, parts, complete)").quantity()).isEqualTo(20);
        assertThat(item(e, "S3", "multipart requests (create, parts, complete)").usd()).isCloseTo(20 * 0.005 / 1000, within(1e-15));
        // LISTs: ceil(40 / 1000) staging pages + 2 = 3
        assertThat(item(e, "S3", "LISTs").quantity()).isEqualTo(3);
    }

    @Test
    void dynamoDbGlueSqsAndLogsFollowTheRunShape() {
        CostEstimate e = model.estimate(request, Map.of());
        // 2 ledger + 2 partitions x 2 leases + 1000 series = 1006 WRU x $1/M
        assertThat(item(e, "DynamoDB", "on-demand write request units").usd()).isCloseTo(1006 / 1e6, within(1e-15));
        // 4 + 2 x 2 = 8 catalog calls
        assertThat(item(e, "Glue Data Catalog", "catalog API calls").quantity()).isEqualTo(8);
        // 10% of 20 chunks = 2 dead-lettered x (send, receive, delete) = 6 requests
        assertThat(item(e, "SQS", "dead-letter messages (send, receive, delete)").quantity()).isEqualTo(6);
        // 35 invocations (7 once-per-run + 20 transform + 2 x 2 slices + 2 x 2 group tasks) x 1000 bytes
        assertThat(item(e, "CloudWatch Logs", "log and EMF ingestion").quantity()).isCloseTo(35 * 1000 / GIB, within(1e-15));
    }

    @Test
    void theTotalIsTheSumOfTheLineItems() {
        CostEstimate e = model.estimate(request, Map.of());
        assertThat(e.totalUsd()).isCloseTo(e.items().stream().mapToDouble(LineItem::usd).sum(), within(1e-15));
        assertThat(e.totalUsd()).isPositive();
    }

    @Test
    void memoryIsRecommendedPerFunctionAndTheTransformFloorComesFromTheMeasuredHeap() {
        CostEstimate e = model.estimate(new CostRequest(2_000_000_000L, 100_000_000L, Arch.X86_64, null, 0.10, 1), Map.of());
        Map<String, Integer> chosen = new LinkedHashMap<>();
        e.recommendations().forEach(r -> chosen.put(r.function(), r.chosen().memoryMb()));
        // transform: 1.0 s CPU + 0.5 s; within 10% of 1.5 s: 0.5 + 1769/m <= 1.65 => m >= 1538.3 => 1600 MB
        assertThat(chosen.get("transform")).isEqualTo(1600);
        assertThat(e.memoryMb().get("transform")).isEqualTo(1600); // used when --memory is not given
        // floor: 400 MB peak heap x 1.5 + 100 MB = 700 MB
        assertThat(e.recommendations().stream().filter(r -> r.function().equals("transform")).findFirst().orElseThrow()
                .minMemoryMb()).isEqualTo(700);
        // compact, one slice: 2e6 rows / 1e5 rows/s = 20 s CPU + 1 s + 2 group runs x 0.1 s;
        // 1.2 + 20 x 1769/m <= 1.1 x 21.2 => m >= 1599.5 => 1600 MB; the compact function's other tasks use it too
        assertThat(chosen.get("compact")).isEqualTo(1600);
        assertThat(chosen).doesNotContainKeys("compact-plan", "compact-group", "compact-publish");
        assertThat(e.memoryMb().get("compact")).isEqualTo(1600);
        // functions that only wait: their floor
        assertThat(chosen.get("close-run")).isEqualTo(256);
    }

    @Test
    void aCompactionBenchmarkReplacesTheAssumedSpeedAndRaisesTheFloor() throws Exception {
        CostModel measured = new CostModel(PriceList.from(DataFile.read(resource("round-prices.yaml"))),
                CostAssumptions.from(DataFile.read(resource("round-model.yaml"))),
                TransformBenchmark.from(DataFile.read(resource("round-bench.json"))),
                CompactBenchmark.from(DataFile.read(resource("round-compact.json"))));
        FunctionLoad compact = measured.loads(request).stream().filter(l -> l.function().equals("compact")).findFirst().orElseThrow();
        // 1e6 rows in 5 CPU-seconds = 2e5 rows/s; a slice of 2e6 rows / 2e5 = 10 s (the assumption would give 20 s)
        assertThat(measured.compactRowsPerSecond()).isEqualTo(200_000.0);
        assertThat(compact.cpuSeconds()).isCloseTo(10.0, within(1e-9));
        // floor: max(1024 assumed, 800 MB peak heap x 1.5 + 100 MB = 1300 MB)
        assertThat(compact.minMemoryMb()).isEqualTo(1300);
    }

    @Test
    void aPartitionOfMoreThanOneSliceIsCompactedInSlicesAfterGroupTasksThatSortTheStagedFiles() {
        CostEstimate e = model.estimate(request, Map.of());
        // 8e6 rows over 2 partitions = 4e6 each; slices of at most 2e6 rows: 2; the 20 unsorted staged files per
        // partition go through group tasks of as many rows: 2
        CostEstimate.Compaction c = e.shape().compaction();
        assertThat(c.rowsPerPartition()).isEqualTo(4_000_000);
        assertThat(c.slices()).isEqualTo(2);
        assertThat(c.groups()).isEqualTo(2);
        assertThat(c.rowsPerSlice()).isEqualTo(2_000_000);
        // at 1600 MB: 1.2 s + 20 x 1769/1600 s; a group task: 1.0 s + 20 x 1769/1600 s
        assertThat(c.secondsPerSlice()).isCloseTo(1.2 + 20.0 * 1769 / 1600, within(1e-9));
        assertThat(c.secondsPerGroup()).isCloseTo(1.0 + 20.0 * 1769 / 1600, within(1e-9));
        assertThat(item(e, "Lambda", "compact requests").quantity()).isEqualTo(4);
        assertThat(item(e, "Lambda", "compact-group requests").quantity()).isEqualTo(4);
        assertThat(item(e, "Lambda", "compact-plan requests").quantity()).isEqualTo(1);
        // working files: 2 items + 2 results + 2 x (1 plan + 2 groups x (2 runs + 1 manifest) + 2 slice manifests) = 22
        assertThat(item(e, "S3", "compaction working files: PUTs").quantity()).isEqualTo(22);
        assertThat(e.warnings()).isEmpty();
    }

    /** The round model with some compaction assumptions changed. */
    private static CostModel withCompaction(java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> change)
            throws Exception {
        var yaml = (com.fasterxml.jackson.databind.node.ObjectNode) new YAMLMapper().readTree(resource("round-model.yaml").toFile());
        change.accept((com.fasterxml.jackson.databind.node.ObjectNode) yaml.path("functions").path("compact"));
        Path file = java.nio.file.Files.createTempFile("model", ".yaml");
        try {
            new YAMLMapper().writeValue(file.toFile(), yaml);
            return new CostModel(PriceList.from(DataFile.read(resource("round-prices.yaml"))),
                    CostAssumptions.from(DataFile.read(file)), TransformBenchmark.from(DataFile.read(resource("round-bench.json"))));
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void sortedStagedFilesFewEnoughForASliceNeedNoGroupTasks() throws Exception {
        CostModel sorted = withCompaction(c -> c.put("staged_sorted", true).put("merge_fan_in", 64));

        CostEstimate.Compaction c = sorted.estimate(request, Map.of()).shape().compaction();

        assertThat(c.slices()).isEqualTo(2);
        assertThat(c.groups()).as("20 sorted staged files per partition <= fan-in 64").isZero();
    }

    @Test
    void aCompactionTaskOverItsTargetOrOverLambdasLimitIsWarnedAbout() throws Exception {
        // 2e6 rows per slice at 1e4 rows/s = 200 s: within the 300 s target and the limit
        assertThat(withCompaction(c -> c.put("rows_per_second", 10_000)).estimate(request, Map.of()).warnings()).isEmpty();
        // at 5e3 rows/s: 400 s per slice and per group task, over the target
        assertThat(withCompaction(c -> c.put("rows_per_second", 5_000)).estimate(request, Map.of()).warnings())
                .anyMatch(w -> w.startsWith("compact needs") && w.contains("over the 300 s a compaction task may take"))
                .anyMatch(w -> w.startsWith("compact-group needs"));
        // at 2e3 rows/s: 1000 s, over Lambda's limit
        assertThat(withCompaction(c -> c.put("rows_per_second", 2_000)).estimate(request, Map.of()).warnings())
                .anyMatch(w -> w.startsWith("compact needs") && w.contains("over Lambda's 15-minute limit")
                        && w.contains("COMPACT_SLICE_ROWS"));
    }

    @Test
    void aTransformBelowItsMeasuredFloorIsWarnedAbout() {
        CostEstimate e = model.estimate(new CostRequest(2_000_000_000L, 100_000_000L, Arch.X86_64, 512, 0.10, 1), Map.of());
        assertThat(e.warnings()).anyMatch(w -> w.contains("transform at 512 MB is below its memory floor of 700 MB"));
    }

    @Test
    void aChunkTooBigForExpressIsWarnedAbout() {
        // 4e10-byte chunks: 400 s of CPU at 1769 MB, over Express's 300 s
        CostEstimate e = model.estimate(new CostRequest(40_000_000_000L, 40_000_000_000L, Arch.X86_64, 1769, 0.10, 1), Map.of());
        assertThat(e.warnings()).anyMatch(w -> w.contains("Express's 5-minute limit"));
    }

    @Test
    void glueEtlIsBilledAtLeastOneMinuteOnTwoDpus() {
        GlueEtlCost g = model.glueEtl(request);
        // work: 2e9 / 1e8 = 20 core-s transform + 8e6 / 1e5 = 80 core-s compaction = 100 core-s;
        // run: 10 s start-up + 100 / (2 DPU x 4 vCPU x 0.5) = 35 s; billed: the 60 s minimum
        assertThat(g.runSeconds()).isCloseTo(35.0, within(1e-9));
        assertThat(g.billedSeconds()).isEqualTo(60);
        // 2 DPU x 60 s / 3600 = 0.0333 DPU-h x $0.44
        assertThat(g.usd()).isCloseTo(2 * 60 / 3600.0 * 0.44, within(1e-12));
    }

    @Test
    void athenaScansOnlyTheReferencedColumnsScaledToTheDumpWithATenMegabyteMinimum() {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("per_sensor", "SELECT sensor_id, avg(value) FROM readings GROUP BY sensor_id");
        queries.put("reasons", "SELECT reason, count(*) FROM rejects GROUP BY reason");
        queries.put("runs", "SELECT * FROM runs");
        List<AthenaQueryCost> a = model.athena(request, queries);

        assertThat(a).extracting(AthenaQueryCost::query).containsExactly("per_sensor", "reasons"); // runs: not described
        AthenaQueryCost perSensor = a.get(0);
        // (1e7 sensor_id + 2e7 value) x (2e9 / 1e9) = 6e7 bytes; raw: the whole 2e9-byte dump
        assertThat(perSensor.curatedBytes()).isEqualTo(60_000_000L);
        assertThat(perSensor.curatedUsd()).isCloseTo(6e7 / TIB * 5, within(1e-15));
        assertThat(perSensor.rawUsd()).isCloseTo(2e9 / TIB * 5, within(1e-15));
        // rejects: 1e5 reason bytes x 2 = 2e5 bytes, billed at the 10 MiB minimum
        assertThat(a.get(1).curatedBytes()).isEqualTo(200_000L);
        assertThat(a.get(1).curatedUsd()).isCloseTo(10 * 1024 * 1024 / TIB * 5, within(1e-15));
    }

    @Test
    void aMissingPriceIsReportedWithItsFileAndField() throws Exception {
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) new YAMLMapper().readTree(resource("round-prices.yaml").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("lambda").get("gb_second")).remove("arm64");
        assertThatThrownBy(() -> PriceList.from(new DataFile("prices.yaml", root)))
                .hasMessage("prices.yaml: lambda.gb_second.arm64 must be a number, found nothing");
    }

    @Test
    void theShippedDataFilesLoad() {
        Path docs = Path.of("..", "docs");
        PriceList prices = PriceList.from(DataFile.read(docs.resolve("prices/us-east-1.yaml")));
        assertThat(prices.region()).isEqualTo("us-east-1");
        assertThat(prices.asOf()).isNotBlank();
        CostAssumptions.from(DataFile.read(docs.resolve("cost-model.yaml")));
        TransformBenchmark bench = TransformBenchmark.from(DataFile.read(docs.resolve("benchmarks/transform.json")));
        assertThat(bench.bytesPerSecond()).isPositive();
    }
}
