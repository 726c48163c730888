package io.sensoretl.query;

import io.sensoretl.aws.S3Layout;
import io.sensoretl.catalog.local.LocalPartitionCatalog;
import io.sensoretl.chunk.ChunkDescriptor;
import io.sensoretl.chunk.SourceVersion;
import io.sensoretl.compact.CompactionConfig;
import io.sensoretl.compact.local.LocalPartitionLocks;
import io.sensoretl.contract.Contract;
import io.sensoretl.lambda.CompactHandler;
import io.sensoretl.lambda.Json;
import io.sensoretl.ledger.RunCounts;
import io.sensoretl.ledger.local.LocalRunLedger;
import io.sensoretl.local.DataDir;
import io.sensoretl.store.local.LocalObjectStore;
import io.sensoretl.transform.ChunkStats;
import io.sensoretl.transform.ChunkTransformer;
import io.sensoretl.transform.FileByteSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Puts source dumps through the core the way the workflow does, into a local data directory: the
 * transform writes staged readings and in-place rejects under the data bucket's S3 layout, the
 * compact handler compacts and registers the partitions in the local catalog, and the run is
 * recorded in the local ledger.
 */
final class CuratedDataDir {
    /** One processed source object. */
    record Run(String runId, SourceVersion key, ChunkStats stats) {}

    final DataDir dataDir;
    private final LocalObjectStore dataBucket;
    private final LocalPartitionCatalog catalog;
    private final LocalRunLedger ledger;

    CuratedDataDir(Path root) {
        this.dataDir = new DataDir(root);
        this.dataBucket = new LocalObjectStore(dataDir.s3().resolve(DataDir.DATA_BUCKET));
        this.catalog = new LocalPartitionCatalog(dataDir.stores());
        this.ledger = new LocalRunLedger(dataDir.stores(), Clock.systemUTC(), Duration.ofHours(6));
    }

    LocalPartitionCatalog catalog() {
        return catalog;
    }

    /**
     * Transforms {@code source} as one chunk, compacts, registers, and closes the run in the ledger.
     *
     * @param ledgerValidSkew added to the valid count the ledger records (0 for the truth), to fake a
     *                        ledger that disagrees with the data
     */
    Run ingest(Contract contract, Path source, String key, String etag, String sourceDate, long ledgerValidSkew)
            throws IOException {
        SourceVersion runKey = new SourceVersion(DataDir.SOURCE_BUCKET, key, etag);
        String runId = runKey.runId();
        String execution = "exec-" + runId;
        ledger.start(runKey, execution, false);
        long size = Files.size(source);
        ChunkDescriptor chunk = new ChunkDescriptor(runId, 0, DataDir.SOURCE_BUCKET, key, etag, size, 0, size, "none",
                contract.format().splittable(), sourceDate);
        ChunkStats stats = new ChunkTransformer(contract).transform(chunk, new FileByteSource(source), S3Layout.chunkOutputs(dataBucket, chunk));
        CompactionConfig config = new CompactionConfig(64L << 20, 64L << 20, 16, dataDir.tmp());
        new CompactHandler(dataBucket, catalog, config, new LocalPartitionLocks(dataDir.stores(), Clock.systemUTC()))
                .compact(Json.MAPPER.readTree("{\"runId\":\"" + runId + "\",\"sourceDate\":\"" + sourceDate + "\"}"));
        ledger.complete(runKey, execution, new RunCounts(stats.records(), stats.valid() + ledgerValidSkew, stats.rejected(), 0),
                stats.partitions());
        return new Run(runId, runKey, stats);
    }

    /** Every curated data file of the data bucket (registered or not). */
    List<Path> curatedFiles(String dt) throws IOException {
        Path dir = dataDir.object(DataDir.DATA_BUCKET, "curated/readings/dt=" + dt);
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
        }
    }
}
