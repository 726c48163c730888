package io.sensoretl.transform;

import io.sensoretl.chunk.ChunkDescriptor;
import io.sensoretl.contract.Contract;
import io.sensoretl.decode.Compression;
import io.sensoretl.store.local.LocalObjectStore;
import io.sensoretl.testing.DuckDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Transforms a byte array as one whole-object chunk, as the planner would for a small object; for tests. */
final class WholeObject {
    private WholeObject() {}

    /** Readings go to {@code dir/r/<partition>/}, rejects to {@code dir/j/}. */
    static ChunkStats transform(Path dir, byte[] content, Contract contract) throws IOException {
        Path f = dir.resolve("in-" + System.nanoTime());
        Files.write(f, content);
        FileByteSource src = new FileByteSource(f);
        boolean gz = src.compression() != Compression.NONE;
        var chunk = new ChunkDescriptor("run-x", 0, "b", "k", "e", content.length, 0, content.length, gz ? "gzip" : "none",
                !gz && contract.format().splittable(), "2024-03-01");
        return new ChunkTransformer(contract).transform(chunk, src, new TransformOutputs(new LocalObjectStore(dir), "r/", "j/"));
    }

    /** The rejects written under {@code dir/j}, in source order: reason, byte_offset, detail, raw. */
    static List<Map<String, Object>> rejects(Path dir) throws SQLException {
        try (DuckDb db = new DuckDb()) {
            return db.query("SELECT reason, byte_offset, detail, raw FROM read_parquet("
                    + DuckDb.literal(dir.resolve("j") + "/*.parquet") + ") ORDER BY byte_offset");
        }
    }

    /** The readings written under {@code dir/r}, ordered by time then metric. */
    static List<Map<String, Object>> readings(Path dir) throws SQLException {
        try (DuckDb db = new DuckDb()) {
            return db.query("SELECT sensor_id, metric, value, unit, attributes FROM read_parquet("
                    + DuckDb.literal(dir.resolve("r") + "/*/*.parquet") + ") ORDER BY ts, metric");
        }
    }
}
