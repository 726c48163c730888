package io.sensoretl.parquet;

import io.sensoretl.reading.ReadingBatch;
import io.sensoretl.reading.Utf8Pool;
import io.sensoretl.reading.Reading;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.parquet.io.LocalInputFile;

/**
 * Readings files for the Parquet tests: varied rows to write, and the rows of a file as the compaction reads them
 * ({@link ReadingFile}), to compare.
 */
final class ReadBack {
    private ReadBack() {}

    /**
     * Rows with every optional field absent and present, attribute maps of 0-3 entries with null values, and many
     * distinct sensor ids (every 3rd is unique: enough distinct values to make a writer fall back from its
     * dictionary).
     */
    static List<Reading> randomRows(int n, long seed) {
        Random random = new Random(seed);
        List<Reading> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, String> attrs = new LinkedHashMap<>();
            for (int a = 0, k = random.nextInt(4); a < k; a++) {
                attrs.put("k" + random.nextInt(6), random.nextInt(4) == 0 ? null : "v-" + random.nextInt(1000));
            }
            String sensor = i % 3 == 0 ? "sensor-" + i + "-" + "x".repeat(random.nextInt(40)) : "s-" + random.nextInt(30);
            rows.add(new Reading(sensor, random.nextLong() >> 8, "m" + random.nextInt(5), random.nextGaussian(),
                    random.nextBoolean() ? null : "u" + random.nextInt(3), random.nextBoolean() ? null : random.nextDouble(),
                    random.nextBoolean() ? null : -random.nextDouble(), attrs, "src-" + random.nextInt(3), "run-" + random.nextInt(2)));
        }
        return rows;
    }

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
