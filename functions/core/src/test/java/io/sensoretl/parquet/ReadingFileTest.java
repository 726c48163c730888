package io.sensoretl.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.reading.Reading;
import io.sensoretl.reading.Utf8Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadingFileTest {
    @TempDir
    Path dir;

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
        List<Reading> written = ReadBack.randomRows(120_000, 5);
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
        List<Reading> written = new ArrayList<>(ReadBack.randomRows(60_000, 9));
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
        Path file = write("declared.parquet", ReadBack.randomRows(1_000, 3));
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
