package io.sensoretl.cli.bench;

import io.sensoretl.catalog.CuratedTables;
import io.sensoretl.catalog.local.LocalPartitionCatalog;
import io.sensoretl.chunk.ChunkDescriptor;
import io.sensoretl.chunk.ChunkPlanner;
import io.sensoretl.chunk.SourceObject;
import io.sensoretl.cli.ByteSize;
import io.sensoretl.cli.JsonOutput;
import io.sensoretl.compact.Blob;
import io.sensoretl.compact.CompactionConfig;
import io.sensoretl.compact.CompactionOutcome;
import io.sensoretl.compact.CrashPoint;
import io.sensoretl.compact.CuratedLayout;
import io.sensoretl.compact.PartitionCompactor;
import io.sensoretl.compact.local.LocalBlobs;
import io.sensoretl.compact.local.LocalPartitionLocks;
import io.sensoretl.contract.Contract;
import io.sensoretl.contract.ContractLoader;
import io.sensoretl.decode.Compression;
import io.sensoretl.transform.ChunkTransformer;
import io.sensoretl.transform.DirectoryOutputs;
import io.sensoretl.transform.FileByteSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "compact", mixinStandardHelpOptions = true,
        description = {"Time the compaction step on one machine.",
            "A generated dump is transformed into staged Parquet (not timed), then every partition it touched is "
                + "compacted into a new curated version (timed: external sort, k-way merge, right-sized ZSTD parts) "
                + "with the default settings, on local files.",
            "Prints one JSON line; the cost model reads it from docs/benchmarks/compact.json."})
public final class CompactBench implements Callable<Integer> {
    private static final String RUN = "run-bench";

    @Option(names = "--size", defaultValue = "256MiB", converter = ByteSize.class,
            description = "Dump size to generate (or reuse). Default: ${DEFAULT-VALUE}.")
    long size;

    @Option(names = "--chunk", defaultValue = "64MiB", converter = ByteSize.class,
            description = "Chunk size of the staging transform. Default: ${DEFAULT-VALUE}.")
    long chunk;

    @Mixin
    BenchDumpOptions data;

    @Override
    public Integer call() throws Exception {
        Path dump = data.dump(size);
        Path work = Files.createTempDirectory(data.dir, "compact-");
        try {
            Path root = work.resolve("bucket");
            long stagedRows = stage(dump, root);
            LocalBlobs blobs = new LocalBlobs(root);
            List<Blob> staged = blobs.list(CuratedLayout.stagingRoot(RUN));
            TreeSet<String> dts = new TreeSet<>();
            for (Blob b : staged) {
                String rest = b.key().substring(CuratedLayout.stagingRoot(RUN).length());
                dts.add(rest.substring(3, rest.indexOf('/')));
            }
            LocalPartitionCatalog catalog = new LocalPartitionCatalog(work.resolve("stores"));
            catalog.ensureTable(CuratedTables.readings(blobs.location("")));
            PartitionCompactor compactor = new PartitionCompactor(blobs, catalog, CuratedTables.READINGS,
                    CompactionConfig.defaults(Files.createDirectories(work.resolve("scratch"))),
                    new LocalPartitionLocks(work.resolve("stores"), Clock.systemUTC()), CrashPoint.NONE);

            long rows = 0;
            long outBytes = 0;
            int outFiles = 0;
            int spills = 0;
            long peak;
            long cpu0 = ProcessCpu.nanos();
            long t0 = System.nanoTime();
            try (HeapSampler heap = new HeapSampler()) {
                for (String dt : dts) {
                    CompactionOutcome o = compactor.compact(RUN, dt);
                    rows += o.rows();
                    outFiles += o.files().size();
                    outBytes += o.files().stream().mapToLong(Blob::size).sum();
                    spills += o.spills();
                }
                peak = heap.peakBytes();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (ProcessCpu.nanos() - cpu0) / 1e9;
            if (rows != stagedRows) {
                throw new IllegalStateException("compaction wrote " + rows + " rows from " + stagedRows + " staged rows");
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("inputBytes", Files.size(dump));
            result.put("stagedFiles", staged.size());
            result.put("stagedBytes", staged.stream().mapToLong(Blob::size).sum());
            result.put("partitions", dts.size());
            result.put("rows", rows);
            result.put("spills", spills);
            result.put("curatedFiles", outFiles);
            result.put("curatedBytes", outBytes);
            result.put("seconds", BenchFiles.round(seconds));
            result.put("cpuSeconds", BenchFiles.round(cpuSeconds));
            result.put("rowsPerS", Math.round(rows / seconds));
            result.put("rowsPerCpuS", Math.round(rows / cpuSeconds));
            result.put("peakHeapMb", BenchFiles.round(peak / 1048576.0));
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
    private long stage(Path dump, Path root) throws Exception {
        Contract contract = ContractLoader.defaultContract();
        long bytes = Files.size(dump);
        SourceObject object = new SourceObject("local", dump.getFileName().toString(), "bench", bytes, Instant.now(), Compression.NONE);
        List<ChunkDescriptor> chunks = new ChunkPlanner(contract.format(), chunk).plan(RUN, List.of(object));
        FileByteSource source = new FileByteSource(dump);
        DirectoryOutputs outputs = new DirectoryOutputs(root.resolve(CuratedLayout.stagingRoot(RUN)), root.resolve("rejects"));
        long valid = 0;
        for (ChunkDescriptor c : chunks) {
            valid += new ChunkTransformer(contract).transform(c, source, outputs).valid();
        }
        return valid;
    }
}
