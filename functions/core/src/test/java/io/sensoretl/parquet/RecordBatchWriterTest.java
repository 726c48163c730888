package io.sensoretl.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.reading.Reading;
import io.sensoretl.reading.ReadingBatch;
import io.sensoretl.reading.Utf8Pool;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordBatchWriterTest {
    @TempDir
    Path dir;

    @Test
    void rowsWrittenInRangesAcrossRowGroupsReadBackAsWrittenByBothReaders() throws Exception {
        List<Reading> written = ReadBack.randomRows(50_000, 11);
        // two pools: equal strings arrive as different arrays too, as rows from different files do
        Utf8Pool a = new Utf8Pool();
        Utf8Pool b = new Utf8Pool();
        ReadingBatch batch = new ReadingBatch(written.size());
        for (int i = 0; i < written.size(); i++) {
            batch.append(written.get(i), i % 7 < 3 ? a : b);
        }
        Path file = dir.resolve("part.parquet");
        long rows;
        long afterFirstRange;
        try (OutputStream out = Files.newOutputStream(file);
                RecordBatchWriter w = new RecordBatchWriter(new StreamOutputFile(out, file.toString()), 7_000)) {
            assertThat(w.bytesWritten()).as("the magic bytes, as soon as the writer exists").isEqualTo(4);
            w.write(batch, 0, 6_999);
            afterFirstRange = w.bytesWritten();
            Random random = new Random(3);
            for (int from = 6_999; from < written.size(); ) {
                int to = Math.min(written.size(), from + 1 + random.nextInt(5_000));
                w.write(batch, from, to);
                from = to;
            }
            rows = w.rows();
        }
        assertThat(afterFirstRange).as("no row group before it is full").isEqualTo(4);
        assertThat(rows).isEqualTo(written.size());
        assertThat(ReadBack.rows(file)).isEqualTo(written);
        List<Reading> reference = new ArrayList<>();
        try (ReadingRows r = ParquetFiles.readingReader(new LocalInputFile(file))) {
            for (Reading x; (x = r.read()) != null; ) {
                reference.add(x);
            }
        }
        assertThat(reference).as("parquet-java's record reader").isEqualTo(written);
        LocalInputFile input = new LocalInputFile(file);
        try (var in = input.newStream()) {
            var blocks = ParquetFooter.read(input, in, file.toString()).metadata().getBlocks();
            assertThat(blocks).hasSize(8);
            assertThat(blocks.get(0).getColumns().get(0).getStatistics().hasNonNullValue()).isTrue();
        }
    }

    @Test
    void aWriterClosedWithoutRowsLeavesAnEmptyReadableFile() throws Exception {
        Path file = dir.resolve("empty.parquet");
        try (OutputStream out = Files.newOutputStream(file);
                RecordBatchWriter w = new RecordBatchWriter(new StreamOutputFile(out, file.toString()))) {
            assertThat(w.rows()).isZero();
        }
        assertThat(ReadBack.rows(file)).isEmpty();
    }
}
