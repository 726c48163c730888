package io.sensoretl.parquet;

import io.sensoretl.reading.ReadingBatch;
import io.sensoretl.reading.Utf8Pool;
import io.sensoretl.reading.Reading;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.io.LocalInputFile;

/** The rows of a readings file as the compaction reads them ({@link ReadingFile}), for tests to compare. */
final class ReadBack {
    private ReadBack() {}

    /** Every row. */
    static List<Reading> rows(Path file) throws Exception {
        return rows(file, null, null);
    }

    /** The rows whose sensor id lies in [min, max] (null: unbounded), as a slice reads them. */
    static List<Reading> rows(Path file, byte[] min, byte[] max) throws Exception {
        Utf8Pool pool = new Utf8Pool();
        List<Reading> out = new ArrayList<>();
        ReadingBatch batch = new ReadingBatch(1000);
        try (ReadingFile f = ReadingFile.open(new LocalInputFile(file), file.toString(), pool, min, max)) {
            while (true) {
                batch.clear();
                if (f.read(batch, 1000) == 0) {
                    break;
                }
                for (int i = 0; i < batch.size(); i++) {
                    out.add(batch.toReading(i, pool));
                }
            }
        }
        return out;
    }
}
