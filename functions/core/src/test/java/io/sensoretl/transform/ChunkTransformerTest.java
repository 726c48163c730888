package io.sensoretl.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sensoretl.chunk.ChunkDescriptor;
import io.sensoretl.contract.ContractLoader;
import io.sensoretl.generate.DumpGenerator;
import io.sensoretl.generate.GeneratorTruth;
import io.sensoretl.store.local.LocalObjectStore;
import io.sensoretl.testing.DuckDb;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkTransformerTest {

    @TempDir
    Path dir;

    static ChunkDescriptor wholeFile(Path file, int index) throws Exception {
        long size = Files.size(file);
        return new ChunkDescriptor("run-1", index, "local", file.getFileName().toString(), "etag", size, 0, size, "none", true, "2024-03-01");
    }

    @Test
    void aGeneratedDumpBecomesExactlyTheReadingsAndRejectsTheGeneratorPromised() throws Exception {
        Path dump = dir.resolve("dump.ndjson");
        GeneratorTruth truth;
        try (OutputStream out = Files.newOutputStream(dump)) {
            truth = new DumpGenerator(42, 0.2).writeRecords(out, 20_000);
        }
        ChunkStats stats = new ChunkTransformer(ContractLoader.defaultContract())
                .transform(wholeFile(dump, 0), new FileByteSource(dump), new TransformOutputs(new LocalObjectStore(dir), "readings/", "rejects/"));

        assertThat(stats.records()).isEqualTo(truth.records());
        assertThat(stats.sourceRecords()).isEqualTo(truth.records());
        assertThat(stats.rejectedByReason()).isEqualTo(truth.rejectedByReason());
        assertThat(stats.valid()).isEqualTo(truth.valid());
        assertThat(stats.rejectedByReason()).isEqualTo(truth.rejectedByReason());
        assertThat(stats.rejectedByReason()).hasSize(14); // every kind of bad record occurred and was recognised
        assertThat(stats.bytes()).isEqualTo(Files.size(dump));
        assertThat(stats.partitions()).containsExactlyElementsOf(truth.partitions().keySet());

        try (DuckDb db = new DuckDb()) {
            String readings = "read_parquet(" + DuckDb.literal(dir.resolve("readings") + "/*/*.parquet") + ", hive_partitioning=true)";
            Map<String, Object[]> byPartition = new HashMap<>();
            for (var row : db.query("SELECT dt::VARCHAR AS dt, count(*) AS n, sum(value) AS s FROM " + readings + " GROUP BY dt")) {
                byPartition.put("dt=" + row.get("dt"), new Object[] {row.get("n"), row.get("s")});
            }
            assertThat(byPartition).hasSameSizeAs(truth.partitions());
            truth.partitions().forEach((dt, p) -> {
                assertThat(((Number) byPartition.get(dt)[0]).longValue()).as(dt).isEqualTo(p.count());
                assertThat(((Number) byPartition.get(dt)[1]).doubleValue()).as(dt).isCloseTo(p.valueSum(), within(1e-6 * Math.abs(p.valueSum()) + 1e-6));
            });
            for (var row : db.query("SELECT sensor_id, count(*) AS n FROM " + readings + " GROUP BY sensor_id")) {
                assertThat(((Number) row.get("n")).longValue()).isEqualTo(truth.sensors().get((String) row.get("sensor_id")));
            }
            assertThat(db.scalar("SELECT count(*) FROM " + readings + " WHERE sensor_id <> trim(sensor_id) OR unit NOT IN ('degC','%','hPa','ppm','ug/m3')"))
                    .isEqualTo(0L);

            String rejects = "read_parquet(" + DuckDb.literal(dir.resolve("rejects") + "/*.parquet") + ")";
            Map<String, Long> reasons = new HashMap<>();
            for (var row : db.query("SELECT reason, count(*) AS n FROM " + rejects + " GROUP BY reason")) {
                reasons.put((String) row.get("reason"), ((Number) row.get("n")).longValue());
            }
            assertThat(reasons).isEqualTo(truth.rejectedByReason());
            assertThat(db.scalar("SELECT max(length(raw)) FROM " + rejects)).isEqualTo(4096L);
            assertThat(db.scalar("SELECT count(*) FROM " + rejects + " WHERE detail = '' OR source_key <> 's3://local/dump.ndjson'"))
                    .isEqualTo(0L);
        }
    }

    @Test
    void chunksOfAnySizeTogetherProduceTheSameAccountingAsOneChunk() throws Exception {
        Path dump = dir.resolve("d.ndjson");
        GeneratorTruth truth;
        try (OutputStream out = Files.newOutputStream(dump)) {
            truth = new DumpGenerator(7, 0.1).writeRecords(out, 5_000);
        }
        long size = Files.size(dump);
        long chunkBytes = 7_001;
        long records = 0;
        long bytes = 0;
        long valid = 0;
        long rejected = 0;
        long duplicates = 0;
        int index = 0;
        for (long start = 0; start < size; start += chunkBytes) {
            var chunk = new ChunkDescriptor("run-1", index++, "local", "d.ndjson", "e", size, start, Math.min(size, start + chunkBytes), "none", true, "2024-03-01");
            ChunkStats s = new ChunkTransformer(ContractLoader.defaultContract())
                    .transform(chunk, new FileByteSource(dump), new TransformOutputs(new LocalObjectStore(dir), "r/", "j/"));
            records += s.records();
            bytes += s.bytes();
            valid += s.valid();
            rejected += s.rejected();
            duplicates += s.rejectedByReason().getOrDefault("duplicate", 0L);
        }
        assertThat(records).isEqualTo(truth.records());
        assertThat(records).isEqualTo(valid + rejected);
        assertThat(bytes).isEqualTo(size);
        // each chunk learns the dedupe keys just before it: a duplicate whose original sits in the previous
        // chunk is still rejected, so chunking changes nothing
        assertThat(duplicates).isEqualTo(truth.rejectedByReason().getOrDefault("duplicate", 0L)).isPositive();
        assertThat(valid).isEqualTo(truth.valid());
        try (DuckDb db = new DuckDb()) {
            assertThat(db.scalar("SELECT count(*) FROM read_parquet(" + DuckDb.literal(dir.resolve("r") + "/*/*.parquet") + ")"))
                    .isEqualTo(valid);
        }
        assertThat(index).as("chunks cut").isGreaterThan(100);
    }
}
