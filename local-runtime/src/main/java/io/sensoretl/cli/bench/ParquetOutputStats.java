package io.sensoretl.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import io.sensoretl.parquet.ColumnSizes;

/**
 * What a benchmark wrote: Parquet files, bytes, and the compressed bytes of each top-level column
 * (from the files' footers). The cost model turns these into the bytes an Athena query scans.
 */
record ParquetOutputStats(int files, long bytes, Map<String, Long> columnBytes) {

    static ParquetOutputStats of(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return new ParquetOutputStats(0, 0, Map.of());
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
        }
        long bytes = 0;
        Map<String, Long> columns = new TreeMap<>();
        for (Path f : files) {
            bytes += Files.size(f);
            ColumnSizes.of(f).forEach((column, n) -> columns.merge(column, n, Long::sum));
        }
        return new ParquetOutputStats(files.size(), bytes, columns);
    }
}
