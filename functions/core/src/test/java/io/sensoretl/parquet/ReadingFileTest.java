package io.sensoretl.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.reading.Reading;
import io.sensoretl.reading.Utf8Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadingFileTest {
    @TempDir
    Path dir;

    /** Rows with every optional field absent and present, maps of 0-3 entries with null values, many distinct ids. */
    private static List<Reading> rows(int n, long seed) {
        Random random = new Random(seed);
        List<Reading> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, String> attrs = new LinkedHashMap<>();
            for (int a = 0, k = random.nextInt(4); a < k; a++) {
                attrs.put("k" + a, random.nextInt(4) == 0 ? null : "v-" + random.nextInt(1000));
            }
            // every 3rd id unique: enough distinct values to make the writer fall back from its dictionary
            String sensor = i % 3 == 0 ? "sensor-" + i + "-" + "x".repeat(random.nextInt(40)) : "s-" + random.nextInt(30);
            rows.add(new Reading(sensor, random.nextLong() >> 8, "m" + random.nextInt(5), random.nextGaussian(),
                    random.nextBoolean() ? null : "u" + random.nextInt(3), random.nextBoolean() ? null : random.nextDouble(),
                    random.nextBoolean() ? null : -random.nextDouble(), attrs, "src-" + random.nextInt(3), "run-1"));
        }
        return rows;
    }

    private Path write(String name, List<Reading> rows) throws Exception {
        Path file = dir.resolve(name);
        try (ParquetWriter<Reading> w = ParquetFiles.readingWriter(new LocalOutputFile(file))) {
            for (Reading r : rows) {
                w.write(r);
            }
        }
        return file;
    }

    @Test
    void columnarReadingGivesTheSameRowsAsTheRecordReader() throws Exception {
        List<Reading> written = rows(120_000, 5);
        Path file = write("all.parquet", written);
        List<Reading> reference = new ArrayList<>();
        try (ReadingRows r = ParquetFiles.readingReader(new LocalInputFile(file))) {
            for (Reading x; (x = r.read()) != null; ) {
                reference.add(x);
            }
        }
        assertThat(reference).isEqualTo(written);
        assertThat(ReadBack.rows(file, null, null)).isEqualTo(written);
    }

    @Test
    void aSensorRangeSkipsRowGroupsAndPagesButNeverARowInRange() throws Exception {
        List<Reading> written = new ArrayList<>(rows(60_000, 9));
        written.sort(java.util.Comparator.comparing((Reading r) -> r.sensorId()).thenComparingLong(Reading::tsMicros));
        Path file = write("sorted.parquet", written);
        byte[] min = "s-10".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] max = "s-19".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        List<Reading> read = ReadBack.rows(file, min, max);

        List<Reading> inRange = written.stream().filter(r -> r.sensorId().compareTo("s-10") >= 0
                && r.sensorId().compareTo("s-19") <= 0).toList();
        assertThat(read).containsSubsequence(inRange);
        assertThat(read.size()).as("pages outside the range are not read").isLessThan(written.size() / 2);
    }

    @Test
    void theFooterSaysWhetherTheWriterDeclaredSensorTimeOrder() throws Exception {
        Path file = write("declared.parquet", rows(1_000, 3));
        Utf8Pool pool = new Utf8Pool();
        try (ReadingFile f = ReadingFile.open(new LocalInputFile(file), "declared.parquet", pool)) {
            assertThat(f.declaresSensorTimeOrder()).isFalse();
        }
        long size = Files.size(file);
        SortDeclaration.declareSensorTimeOrder(file);
        try (ReadingFile f = ReadingFile.open(new LocalInputFile(file), "declared.parquet", pool)) {
            assertThat(f.declaresSensorTimeOrder()).isTrue();
            assertThat(f.rows()).isEqualTo(1_000);
        }
        assertThat(ReadBack.rows(file, null, null)).as("only the footer changed").hasSize(1_000);
        assertThat(Files.size(file)).isGreaterThan(size);
    }

    @Test
    void aFileWithoutTheReadingsColumnsIsRefusedNamingTheColumn() throws Exception {
        Path file = dir.resolve("rejects.parquet");
        try (ParquetWriter<io.sensoretl.reading.Reject> w = ParquetFiles.rejectWriter(new LocalOutputFile(file))) {
            w.write(new io.sensoretl.reading.Reject("k", 0, io.sensoretl.reading.RejectReason.MALFORMED_JSON, "d", "raw", "run-1"));
        }
        assertThatThrownBy(() -> ReadingFile.open(new LocalInputFile(file), "rejects.parquet", new Utf8Pool()))
                .hasMessageContaining("rejects.parquet").hasMessageContaining("sensor_id");
    }
}
