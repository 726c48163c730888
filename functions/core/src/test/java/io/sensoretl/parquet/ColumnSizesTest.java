package io.sensoretl.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.reading.Reading;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnSizesTest {
    @TempDir
    Path dir;

    @Test
    void everyTopLevelColumnIsMeasuredFromTheFooterAndTheyFitInTheFile() throws Exception {
        Path file = dir.resolve("r.parquet");
        try (ParquetWriter<Reading> w = ParquetFiles.readingWriter(new LocalOutputFile(file))) {
            for (int i = 0; i < 10_000; i++) {
                w.write(new Reading("sensor-" + (i % 50), 1_700_000_000_000_000L + i * 1_000_000L, "temperature", i * 0.25,
                        "degC", null, null, Map.of(), "incoming/a.ndjson", "run-1"));
            }
        }
        Map<String, Long> sizes = ColumnSizes.of(file);

        assertThat(sizes.keySet()).containsExactlyInAnyOrder("sensor_id", "ts", "metric", "value", "unit", "lat", "lon",
                "attributes", "source_key", "run_id");
        assertThat(sizes.values()).allMatch(n -> n > 0);
        // the column chunks plus the footer and magic bytes make up the file
        assertThat(sizes.values().stream().mapToLong(Long::longValue).sum()).isLessThan(Files.size(file));
        // 10,000 distinct doubles take more room than 50 dictionary-encoded sensor ids
        assertThat(sizes.get("value")).isGreaterThan(sizes.get("sensor_id"));
    }

    @Test
    void aFileWithoutParquetMagicIsRefusedNamingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("not.parquet"), "this is not a parquet file at all");
        assertThatThrownBy(() -> ColumnSizes.of(file))
                .hasMessageContaining("not.parquet").hasMessageContaining("no PAR1 magic");
    }
}
