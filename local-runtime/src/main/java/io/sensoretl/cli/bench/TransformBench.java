package io.sensoretl.cli.bench;

import io.sensoretl.chunk.ChunkDescriptor;
import io.sensoretl.chunk.ChunkPlanner;
import io.sensoretl.chunk.SourceObject;
import io.sensoretl.chunk.SourceVersion;
import io.sensoretl.cli.ByteSize;
import io.sensoretl.cli.JsonOutput;
import io.sensoretl.cli.ProgressLine;
import io.sensoretl.contract.Contract;
import io.sensoretl.contract.ContractLoader;
import io.sensoretl.decode.Compression;
import io.sensoretl.progress.Progress;
import io.sensoretl.store.local.LocalObjectStore;
import io.sensoretl.transform.ChunkStats;
import io.sensoretl.transform.ChunkTransformer;
import io.sensoretl.transform.ReferenceChunkTransformer;
import io.sensoretl.transform.TransformOutputs;
import io.sensoretl.transform.FileByteSource;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "transform", mixinStandardHelpOptions = true,
        description = {"Time the transform core against single-threaded DuckDB on the same dump, same machine, same process run.",
            "sensor-etl: decode, validate, normalise, write ZSTD Parquet + rejects, chunk after chunk on one thread.",
            "DuckDB: SET threads=1; COPY (SELECT ... FROM read_json(..., ignore_errors=true)) TO ... (FORMAT parquet, "
                + "COMPRESSION zstd); for --format delimited: read_csv(..., ignore_errors=true), the 13 value columns "
                + "unpivoted into readings.",
            "Prints one JSON line."})
public final class TransformBench implements Callable<Integer> {
    /** The dump shapes the benchmark generates. */
    enum DumpFormat { ndjson, delimited }

    static final String UCI_CONTRACT = "contracts/airquality-uci.yaml";

    @Option(names = "--format", defaultValue = "ndjson",
            description = "ndjson (the default contract's shape) or delimited (the UCI Air Quality CSV shape, "
                    + "test-fixtures/contracts/airquality-uci.yaml). Default: ${DEFAULT-VALUE}.")
    DumpFormat format;

    @Option(names = "--reference", description = "Run the reference implementation (ReferenceChunkTransformer) instead.")
    boolean reference;

    @Option(names = "--size", defaultValue = "1GiB", converter = ByteSize.class,
            description = "Dump size to generate (or reuse). Default: ${DEFAULT-VALUE}.")
    long size;

    @Option(names = "--chunk", defaultValue = "64MiB", converter = ByteSize.class,
            description = "Chunk size, as the planner would cut. Default: ${DEFAULT-VALUE}.")
    long chunk;

    @Mixin
    BenchDumpOptions data;

    @Option(names = "--skip-duckdb", description = "Only run sensor-etl.")
    boolean skipDuckDb;

    /**
     * The JVM the transform Lambda runs: C1 only (template.yaml's JAVA_TOOL_OPTIONS) and, on its one vCPU
     * (1,769 MB), the serial collector the JVM picks for a single processor. The benchmark runs in this
     * process; a run configured otherwise measures a different JIT and collector, which is said on stderr.
     */
    static final List<String> LAMBDA_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    @Override
    public Integer call() throws Exception {
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (!args.containsAll(LAMBDA_JVM)) {
            System.err.println("note: the transform Lambda runs C1 only with the serial collector; for its figures run with "
                    + "SENSOR_ETL_JAVA_OPTS=\"-Xmx256m " + String.join(" ", LAMBDA_JVM) + "\" (this JVM: " + String.join(" ", args) + ")");
        }
        // on stderr (a live line on a terminal, a line every 10 s otherwise); stdout carries only the JSON line
        Progress progress = ProgressLine.forCommand(false);
        Path dump = format == DumpFormat.delimited ? data.csvDump(size, progress) : data.dump(size, progress);
        long bytes = Files.size(dump);
        Path work = Files.createTempDirectory(data.dir, "out-");
        try {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("format", format.name());
            result.put("inputBytes", bytes);
            result.put("chunkBytes", chunk);
            runSensorEtl(dump, bytes, work, result, progress);
            if (!skipDuckDb) {
                progress.start("DuckDB, 1 thread", -1, -1);
                try {
                    if (format == DumpFormat.delimited) {
                        runDuckDbCsv(dump, bytes, work, result);
                    } else {
                        runDuckDb(dump, bytes, work, result);
                    }
                } finally {
                    progress.finish();
                }
            }
            result.put("java", System.getProperty("java.version"));
            // the JIT configuration decides much of the CPU a short run costs: the Lambda runs C1 only
            // (template.yaml's JAVA_TOOL_OPTIONS), so say which this run had
            result.put("jvmOptions", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
            result.put("gc", ManagementFactory.getGarbageCollectorMXBeans().get(0).getName());
            result.put("cores", Runtime.getRuntime().availableProcessors());
            result.put("arch", System.getProperty("os.arch"));
            result.put("measuredAt", Instant.now().toString());
            System.out.println(JsonOutput.document(result));
        } finally {
            BenchFiles.deleteTree(work);
        }
        return 0;
    }

    private void runSensorEtl(Path dump, long bytes, Path work, Map<String, Object> result, Progress progress) throws Exception {
        Contract contract = format == DumpFormat.delimited ? ContractLoader.classpath(UCI_CONTRACT)
                : ContractLoader.defaultContract();
        SourceObject object = new SourceObject(new SourceVersion("local", dump.getFileName().toString(), "bench"), bytes, Instant.now(), Compression.NONE);
        List<ChunkDescriptor> chunks = new ChunkPlanner(contract.format(), chunk).plan("run-bench", List.of(object));
        FileByteSource source = new FileByteSource(dump);
        TransformOutputs outputs = new TransformOutputs(new LocalObjectStore(work), "readings/", "rejects/");
        double fastShare = 0;
        long records = 0;
        long valid = 0;
        long rejected = 0;
        long peak;
        long cpu0 = ProcessCpu.nanos();
        long alloc0 = ProcessCpu.allocatedBytes();
        long thread0 = ProcessCpu.threadNanos();
        long jit0 = ProcessCpu.compileMillis();
        long gc0 = ProcessCpu.gcMillis();
        long t0 = System.nanoTime();
        progress.start("sensor-etl, " + chunks.size() + " chunk(s)", bytes, -1);
        try (HeapSampler heap = new HeapSampler()) {
            ChunkTransformer columnar = new ChunkTransformer(contract);
            ReferenceChunkTransformer straightforward = new ReferenceChunkTransformer(contract);
            for (ChunkDescriptor c : chunks) {
                ChunkStats s = reference ? straightforward.transform(c, source, outputs) : columnar.transform(c, source, outputs);
                records += s.records();
                valid += s.valid();
                rejected += s.rejected();
                progress.advance(c.end() - c.start(), s.sourceRecords());
            }
            peak = heap.peakBytes();
            if (!reference) {
                long decided = columnar.fastRecords() + columnar.referenceRecords();
                fastShare = decided == 0 ? 0 : (double) columnar.fastRecords() / decided;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (ProcessCpu.nanos() - cpu0) / 1e9;
        progress.finish();
        long allocated = ProcessCpu.allocatedBytes() - alloc0;
        double threadSeconds = (ProcessCpu.threadNanos() - thread0) / 1e9;
        double jitSeconds = (ProcessCpu.compileMillis() - jit0) / 1e3;
        double gcSeconds = (ProcessCpu.gcMillis() - gc0) / 1e3;
        result.put("records", records);
        result.put("valid", valid);
        result.put("rejected", rejected);
        result.put("chunks", chunks.size());
        result.put("curatedBytes", BenchFiles.treeSize(work.resolve("readings")));
        result.put("rejectsBytes", BenchFiles.treeSize(work.resolve("rejects")));
        result.put("seconds", BenchFiles.round(seconds));
        result.put("mbPerS", BenchFiles.round(bytes / 1e6 / seconds));
        result.put("cpuSeconds", BenchFiles.round(cpuSeconds));
        result.put("mbPerCpuS", BenchFiles.round(bytes / 1e6 / cpuSeconds));
        result.put("allocatedBytesPerInputByte", BenchFiles.round((double) allocated / bytes));
        result.put("implementation", reference ? "reference" : "columnar");
        result.put("fastPathShare", Math.round(fastShare * 10_000) / 10_000.0);
        result.put("threadCpuSeconds", BenchFiles.round(threadSeconds));
        result.put("jitSeconds", BenchFiles.round(jitSeconds));
        result.put("gcSeconds", BenchFiles.round(gcSeconds));
        result.put("recordsPerS", Math.round(records / seconds));
        result.put("peakHeapMb", BenchFiles.round(peak / 1048576.0));
        result.put("maxHeapMb", BenchFiles.round(Runtime.getRuntime().maxMemory() / 1048576.0));
        // what was written: the cost model derives Parquet size, files per chunk and Athena scans from these
        ParquetOutputStats readingsOut = ParquetOutputStats.of(work.resolve("readings"));
        ParquetOutputStats rejectsOut = ParquetOutputStats.of(work.resolve("rejects"));
        result.put("parquetFiles", readingsOut.files());
        result.put("parquetColumnBytes", readingsOut.columnBytes());
        result.put("rejectsFiles", rejectsOut.files());
        result.put("rejectsColumnBytes", rejectsOut.columnBytes());
    }

    /** The 13 measurement columns of the UCI shape and the metric and unit the contract gives each. */
    private static final String[][] UCI_COLUMNS = {
        {"CO(GT)", "co", "mg/m3"}, {"PT08.S1(CO)", "pt08_s1_co", "raw"}, {"NMHC(GT)", "nmhc", "ug/m3"},
        {"C6H6(GT)", "benzene", "ug/m3"}, {"PT08.S2(NMHC)", "pt08_s2_nmhc", "raw"}, {"NOx(GT)", "nox", "ppb"},
        {"PT08.S3(NOx)", "pt08_s3_nox", "raw"}, {"NO2(GT)", "no2", "ug/m3"}, {"PT08.S4(NO2)", "pt08_s4_no2", "raw"},
        {"PT08.S5(O3)", "pt08_s5_o3", "raw"}, {"T", "temperature", "degC"}, {"RH", "humidity", "%"},
        {"AH", "absolute_humidity", "g/m3"}};

    /**
     * DuckDB on the CSV: typed columns, the 13 value columns unpivoted into (metric, value) rows, the
     * -200 sentinel dropped, local time to UTC, a unit per metric; no per-record reasons, no dedupe.
     */
    private void runDuckDbCsv(Path dump, long bytes, Path work, Map<String, Object> result) throws Exception {
        String in = dump.toAbsolutePath().toString().replace("'", "''");
        String out = work.resolve("duckdb.parquet").toAbsolutePath().toString().replace("'", "''");
        StringBuilder columns = new StringBuilder("'Date': 'VARCHAR', 'Time': 'VARCHAR'");
        StringBuilder metric = new StringBuilder("CASE name");
        StringBuilder unit = new StringBuilder("CASE name");
        StringBuilder names = new StringBuilder();
        for (String[] c : UCI_COLUMNS) {
            columns.append(", '").append(c[0]).append("': 'DOUBLE'");
            metric.append(" WHEN '").append(c[0]).append("' THEN '").append(c[1]).append('\'');
            unit.append(" WHEN '").append(c[0]).append("' THEN '").append(c[2]).append('\'');
            names.append(names.isEmpty() ? "" : ", ").append('"').append(c[0]).append('"');
        }
        columns.append(", 'x1': 'VARCHAR', 'x2': 'VARCHAR'");
        metric.append(" END");
        unit.append(" END");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("SET threads=1");
            st.execute("SET preserve_insertion_order=false");
            long cpu0 = ProcessCpu.nanos();
            long t0 = System.nanoTime();
            st.execute("COPY (SELECT 'uci-airquality-station' AS sensor_id, ts - INTERVAL 1 HOUR AS ts, " + metric + " AS metric, "
                    + "value, " + unit + " AS unit, source_key: 'bench', run_id: 'bench' FROM ("
                    + "UNPIVOT (SELECT try_strptime(\"Date\" || ' ' || \"Time\", '%d/%m/%Y %H.%M.%S') AS ts, " + names + " FROM "
                    + "read_csv('" + in + "', delim=';', decimal_separator=',', header=true, ignore_errors=true, "
                    + "null_padding=true, auto_detect=false, columns={" + columns + "})) "
                    + "ON " + names + " INTO NAME name VALUE value) "
                    + "WHERE ts IS NOT NULL AND value IS NOT NULL AND value <> -200) "
                    + "TO '" + out + "' (FORMAT parquet, COMPRESSION zstd)");
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (ProcessCpu.nanos() - cpu0) / 1e9;
            duckDbResult(st, out, bytes, seconds, cpuSeconds, result);
        }
    }

    private static void duckDbResult(Statement st, String out, long bytes, double seconds, double cpuSeconds,
            Map<String, Object> result) throws Exception {
        try (ResultSet rs = st.executeQuery("SELECT count(*), (SELECT version()) FROM read_parquet('" + out + "')")) {
            rs.next();
            result.put("duckdbRows", rs.getLong(1));
            result.put("duckdbVersion", rs.getString(2));
        }
        result.put("duckdbSeconds", BenchFiles.round(seconds));
        result.put("duckdbMbPerS", BenchFiles.round(bytes / 1e6 / seconds));
        result.put("duckdbCpuSeconds", BenchFiles.round(cpuSeconds));
        result.put("duckdbMbPerCpuS", BenchFiles.round(bytes / 1e6 / cpuSeconds));
        double ours = (double) result.get("mbPerS");
        result.put("ratioVsDuckdb", BenchFiles.round(ours / (bytes / 1e6 / seconds)));
        double oursCpu = (double) result.get("mbPerCpuS");
        result.put("cpuRatioVsDuckdb", BenchFiles.round(oursCpu / (bytes / 1e6 / cpuSeconds)));
    }

    private void runDuckDb(Path dump, long bytes, Path work, Map<String, Object> result) throws Exception {
        String in = dump.toAbsolutePath().toString().replace("'", "''");
        String out = work.resolve("duckdb.parquet").toAbsolutePath().toString().replace("'", "''");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("SET threads=1");
            st.execute("SET preserve_insertion_order=false");
            long cpu0 = ProcessCpu.nanos();
            long t0 = System.nanoTime();
            st.execute("COPY (SELECT trim(device.id) AS sensor_id, CAST(\"time\" AS TIMESTAMPTZ) AS ts, metric, value, unit, "
                    + "location.lat AS lat, location.lon AS lon, source_key: 'bench', run_id: 'bench' "
                    + "FROM read_json('" + in + "', format='newline_delimited', ignore_errors=true, maximum_object_size=1048576, "
                    + "columns={device: 'STRUCT(id VARCHAR, fw VARCHAR)', site: 'VARCHAR', \"time\": 'VARCHAR', metric: 'VARCHAR', "
                    + "value: 'DOUBLE', unit: 'VARCHAR', location: 'STRUCT(lat DOUBLE, lon DOUBLE)'}) "
                    + "WHERE value IS NOT NULL AND TRY_CAST(\"time\" AS TIMESTAMPTZ) IS NOT NULL) "
                    + "TO '" + out + "' (FORMAT parquet, COMPRESSION zstd)");
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (ProcessCpu.nanos() - cpu0) / 1e9;
            duckDbResult(st, out, bytes, seconds, cpuSeconds, result);
        }
    }
}
