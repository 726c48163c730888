package io.sensoretl.cli.bench;

import io.sensoretl.catalog.CuratedTables;
import io.sensoretl.catalog.local.LocalPartitionCatalog;
import io.sensoretl.chunk.ChunkDescriptor;
import io.sensoretl.chunk.ChunkPlanner;
import io.sensoretl.chunk.SourceObject;
import io.sensoretl.chunk.SourceVersion;
import io.sensoretl.cli.ByteSize;
import io.sensoretl.cli.JsonOutput;
import io.sensoretl.cli.ProgressLine;
import io.sensoretl.store.StoredObject;
import io.sensoretl.compact.CompactionConfig;
import io.sensoretl.compact.CompactionOutcome;
import io.sensoretl.compact.CrashPoint;
import io.sensoretl.compact.CuratedLayout;
import io.sensoretl.compact.PartitionCompactor;
import io.sensoretl.compact.RowSorter;
import io.sensoretl.store.local.LocalObjectStore;
import io.sensoretl.compact.local.LocalPartitionLocks;
import io.sensoretl.contract.Contract;
import io.sensoretl.contract.ContractLoader;
import io.sensoretl.decode.Compression;
import io.sensoretl.parquet.RecordBatchWriter;
import io.sensoretl.progress.Progress;
import io.sensoretl.parquet.ReadingFile;
import io.sensoretl.parquet.SortDeclaration;
import io.sensoretl.parquet.StreamOutputFile;
import io.sensoretl.reading.ReadingBatch;
import io.sensoretl.reading.Utf8Pool;
import io.sensoretl.transform.ChunkStats;
import io.sensoretl.transform.ChunkTransformer;
import io.sensoretl.transform.TransformOutputs;
import io.sensoretl.transform.FileByteSource;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.parquet.io.LocalInputFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "compact", mixinStandardHelpOptions = true,
        description = {"Time the compaction step on one machine, against single-threaded DuckDB doing the same work in the same run.",
            "A generated dump is transformed into staged Parquet (not timed); then every partition it touched is compacted "
                + "into a new curated version (timed: plan, sort or merge, right-sized ZSTD parts) with the default settings, "
                + "on local files; then DuckDB: SET threads=1; COPY (SELECT * FROM read_parquet([staged files]) "
                + "ORDER BY sensor_id, ts) TO ... (FORMAT parquet, COMPRESSION zstd).",
            "Prints one JSON line; the cost model reads it from docs/benchmarks/compact.json."})
public final class CompactBench implements Callable<Integer> {
    private static final String RUN = "run-bench";

    /** How the staged files are laid out. */
    enum Staged {
        /** As this build's transform writes them. */
        TRANSFORM,
        /** Each staged file sorted by (sensor_id, ts) and declared so in its footer: what a sorting transform writes. */
        SORTED
    }

    @Option(names = "--size", defaultValue = "256MiB", converter = ByteSize.class,
            description = "Dump size to generate (or reuse). Default: ${DEFAULT-VALUE}.")
    long size;

    @Option(names = "--chunk", defaultValue = "64MiB", converter = ByteSize.class,
            description = "Chunk size of the staging transform. Default: ${DEFAULT-VALUE}.")
    long chunk;

    @Option(names = "--staged", defaultValue = "TRANSFORM",
            description = "Staged files as the transform writes them (TRANSFORM), or each sorted and declared sorted (SORTED,"
                    + " the merge path without the sort). Default: ${DEFAULT-VALUE}.")
    Staged staged;

    @Option(names = "--slice-rows", description = "Rows per slice (COMPACT_SLICE_ROWS); default: the compactor's default.")
    Long sliceRows;

    @Option(names = "--skip-duckdb", description = "Only run sensor-etl.")
    boolean skipDuckDb;

    @Mixin
    BenchDumpOptions data;

    @Override
    public Integer call() throws Exception {
        // on stderr (a live line on a terminal, a line every 10 s otherwise); stdout carries only the JSON line
        Progress progress = ProgressLine.forCommand(false);
        Path dump = data.dump(size, progress);
        Path work = Files.createTempDirectory(data.dir, "compact-");
        try {
            Path root = work.resolve("bucket");
            long stagedRows = stage(dump, root, progress);
            LocalObjectStore blobs = new LocalObjectStore(root);
            List<StoredObject> stagedFiles = blobs.list(CuratedLayout.stagingRoot(RUN));
            if (staged == Staged.SORTED) {
                for (StoredObject b : stagedFiles) {
                    sortInPlace(root.resolve(b.key()));
                }
                stagedFiles = blobs.list(CuratedLayout.stagingRoot(RUN));
            }
            TreeSet<String> dts = new TreeSet<>();
            for (StoredObject b : stagedFiles) {
                String rest = b.key().substring(CuratedLayout.stagingRoot(RUN).length());
                dts.add(rest.substring(3, rest.indexOf('/')));
            }
            LocalPartitionCatalog catalog = new LocalPartitionCatalog(work.resolve("stores"));
            catalog.ensureTable(CuratedTables.readings(blobs.location("")));
            CompactionConfig config = CompactionConfig.defaults(Files.createDirectories(work.resolve("scratch")))
                    .withReplacedGrace(Duration.ZERO);
            if (sliceRows != null) {
                config = config.withSliceRows(sliceRows);
            }
            PartitionCompactor compactor = new PartitionCompactor(blobs, catalog, CuratedTables.READINGS, config,
                    new LocalPartitionLocks(work.resolve("stores"), Clock.systemUTC()), CrashPoint.NONE);

            long rows = 0;
            long outBytes = 0;
            int outFiles = 0;
            int spills = 0;
            int slices = 0;
            int groups = 0;
            long peak;
            long cpu0 = ProcessCpu.nanos();
            long t0 = System.nanoTime();
            progress.start("compacting " + dts.size() + " partition(s)", -1, stagedRows);
            try (HeapSampler heap = new HeapSampler()) {
                for (String dt : dts) {
                    CompactionOutcome o = compactor.compact(RUN, dt);
                    progress.advance(0, o.rows());
                    rows += o.rows();
                    outFiles += o.files().size();
                    outBytes += o.files().stream().mapToLong(StoredObject::size).sum();
                    spills += o.spills();
                    slices += o.slices();
                    groups += o.groups();
                }
                peak = heap.peakBytes();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (ProcessCpu.nanos() - cpu0) / 1e9;
            progress.finish();
            if (rows != stagedRows) {
                throw new IllegalStateException("compaction wrote " + rows + " rows from " + stagedRows + " staged rows");
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("inputBytes", Files.size(dump));
            result.put("staged", staged.name().toLowerCase(java.util.Locale.ROOT));
            result.put("stagedFiles", stagedFiles.size());
            result.put("stagedBytes", stagedFiles.stream().mapToLong(StoredObject::size).sum());
            result.put("partitions", dts.size());
            result.put("slices", slices);
            result.put("groups", groups);
            result.put("sliceRows", config.sliceRows());
            result.put("rows", rows);
            result.put("spills", spills);
            result.put("curatedFiles", outFiles);
            result.put("curatedBytes", outBytes);
            result.put("seconds", BenchFiles.round(seconds));
            result.put("cpuSeconds", BenchFiles.round(cpuSeconds));
            result.put("rowsPerS", Math.round(rows / seconds));
            result.put("rowsPerCpuS", Math.round(rows / cpuSeconds));
            result.put("peakHeapMb", BenchFiles.round(peak / 1048576.0));
            result.put("maxHeapMb", BenchFiles.round(Runtime.getRuntime().maxMemory() / 1048576.0));
            if (!skipDuckDb) {
                progress.start("DuckDB, 1 thread", -1, -1);
                try {
                    runDuckDb(root, stagedFiles, work, rows, result);
                } finally {
                    progress.finish();
                }
            }
            result.put("java", System.getProperty("java.version"));
            result.put("cores", Runtime.getRuntime().availableProcessors());
            result.put("arch", System.getProperty("os.arch"));
            result.put("measuredAt", Instant.now().toString());
            System.out.println(JsonOutput.document(result));
        } finally {
            BenchFiles.deleteTree(work);
        }
        return 0;
    }

    /** The transform's staged output, laid out as the compactor finds it in the bucket; returns the valid rows. */
    private long stage(Path dump, Path root, Progress progress) throws Exception {
        Contract contract = ContractLoader.defaultContract();
        long bytes = Files.size(dump);
        SourceObject object = new SourceObject(new SourceVersion("local", dump.getFileName().toString(), "bench"), bytes, Instant.now(), Compression.NONE);
        List<ChunkDescriptor> chunks = new ChunkPlanner(contract.format(), chunk).plan(RUN, List.of(object));
        FileByteSource source = new FileByteSource(dump);
        TransformOutputs outputs = new TransformOutputs(new LocalObjectStore(root), CuratedLayout.stagingRoot(RUN), "rejects/");
        long valid = 0;
        progress.start("staging: transforming " + chunks.size() + " chunk(s)", bytes, -1);
        try {
            for (ChunkDescriptor c : chunks) {
                ChunkStats s = new ChunkTransformer(contract).transform(c, source, outputs);
                valid += s.valid();
                progress.advance(c.end() - c.start(), s.sourceRecords());
            }
        } finally {
            progress.finish();
        }
        return valid;
    }

    /** Rewrites a staged file sorted by (sensor_id, ts), declared so in its footer (not timed). */
    private static void sortInPlace(Path file) throws Exception {
        Utf8Pool pool = new Utf8Pool();
        ReadingBatch rows = new ReadingBatch(64 * 1024);
        try (ReadingFile in = ReadingFile.open(new LocalInputFile(file), file.toString(), pool)) {
            while (in.read(rows, 64 * 1024) > 0) {
                // read every row
            }
        }
        int[] order = RowSorter.order(rows);
        ReadingBatch sorted = new ReadingBatch(rows.size());
        for (int i : order) {
            sorted.append(rows, i);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".sorting");
        try (OutputStream out = Files.newOutputStream(tmp);
                RecordBatchWriter w = new RecordBatchWriter(new StreamOutputFile(out, tmp.toString()))) {
            w.write(sorted, 0, sorted.size());
        }
        SortDeclaration.declareSensorTimeOrder(tmp);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private void runDuckDb(Path root, List<StoredObject> stagedFiles, Path work, long rows, Map<String, Object> result)
            throws Exception {
        String files = stagedFiles.stream().map(b -> "'" + root.resolve(b.key()).toString().replace("'", "''") + "'")
                .collect(Collectors.joining(", ", "[", "]"));
        String out = work.resolve("duckdb.parquet").toAbsolutePath().toString().replace("'", "''");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("SET threads=1");
            long cpu0 = ProcessCpu.nanos();
            long t0 = System.nanoTime();
            st.execute("COPY (SELECT * FROM read_parquet(" + files + ") ORDER BY sensor_id, ts) TO '" + out
                    + "' (FORMAT parquet, COMPRESSION zstd)");
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (ProcessCpu.nanos() - cpu0) / 1e9;
            try (ResultSet rs = st.executeQuery("SELECT count(*), (SELECT version()) FROM read_parquet('" + out + "')")) {
                rs.next();
                if (rs.getLong(1) != rows) {
                    throw new IllegalStateException("DuckDB wrote " + rs.getLong(1) + " rows, sensor-etl " + rows);
                }
                result.put("duckdbVersion", rs.getString(2));
            }
            result.put("duckdbBytes", Files.size(work.resolve("duckdb.parquet")));
            result.put("duckdbSeconds", BenchFiles.round(seconds));
            result.put("duckdbCpuSeconds", BenchFiles.round(cpuSeconds));
            result.put("duckdbRowsPerS", Math.round(rows / seconds));
            result.put("duckdbRowsPerCpuS", Math.round(rows / cpuSeconds));
            double ours = rows / (double) result.get("seconds");
            double oursCpu = rows / (double) result.get("cpuSeconds");
            result.put("ratioVsDuckdb", BenchFiles.round(ours / (rows / seconds)));
            result.put("cpuRatioVsDuckdb", BenchFiles.round(oursCpu / (rows / cpuSeconds)));
        }
    }
}
