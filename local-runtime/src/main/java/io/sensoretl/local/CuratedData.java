package io.sensoretl.local;

import io.sensoretl.catalog.CuratedTables;
import io.sensoretl.catalog.PartitionState;
import io.sensoretl.catalog.local.LocalPartitionCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The curated tables as a query engine should read them locally: only the partition versions the
 * catalog points at (older versions may still be on disk until clean-up), as Parquet globs.
 */
public final class CuratedData {
    private final DataDir dataDir;
    private final LocalPartitionCatalog catalog;

    public CuratedData(DataDir dataDir) {
        this.dataDir = dataDir;
        this.catalog = new LocalPartitionCatalog(dataDir.stores());
    }

    /** {@code <dir>/*.parquet} per registered readings partition. */
    public List<String> readingsGlobs() {
        return globs(CuratedTables.READINGS, "*.parquet");
    }

    /** Rejects partitions hold one directory per run. */
    public List<String> rejectsGlobs() {
        return globs(CuratedTables.REJECTS, "*/*.parquet");
    }

    private List<String> globs(String table, String pattern) {
        List<String> out = new ArrayList<>();
        for (PartitionState p : catalog.listPartitions(table)) {
            Path dir = LocalPaths.of(dataDir, p.location());
            if (Files.isDirectory(dir)) {
                out.add(dir.resolve(pattern).toString());
            }
        }
        return out;
    }

    /** A DuckDB {@code read_parquet([...])} over the globs, or null when there is nothing to read. */
    public static String readParquet(List<String> globs) {
        if (globs.isEmpty()) {
            return null;
        }
        StringBuilder sql = new StringBuilder("read_parquet([");
        for (int i = 0; i < globs.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append('\'').append(globs.get(i).replace("'", "''")).append('\'');
        }
        return sql.append("], hive_partitioning = true, union_by_name = true)").toString();
    }
}
