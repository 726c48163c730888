package io.sensoretl.compact;

import io.sensoretl.parquet.ParquetFiles;
import io.sensoretl.reading.Reading;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;

/**
 * Writes a run's staged files the way the streaming transform does (rows in arrival order, not
 * sorted) and remembers what it wrote, so tests can compare the curated result with the inputs.
 */
final class StagedData {
    private final Path root;
    private final Random random;
    /** dt -> sensor -> {count, sum} of every row written. */
    final Map<String, Map<String, long[]>> expected = new TreeMap<>();

    StagedData(Path root, long seed) {
        this.root = root;
        this.random = new Random(seed);
    }

    /** How a staged file's rows are laid out, and what its footer says about it. */
    enum Order {
        /** Arrival order, no declaration: what the streaming transform wrote before it sorted. */
        ARRIVAL,
        /** Sorted by (sensor_id, ts), declared in the row groups' sorting_columns. */
        SORTED,
        /** Arrival order, but the footer declares it sorted: a writer that lies. */
        LYING
    }

    /** Writes {@code files} chunks of {@code rowsPerFile} rows for {@code dt}; sensors interleave. */
    void stage(String runId, String dt, int files, int rowsPerFile, int sensors) throws IOException {
        stage(runId, dt, files, rowsPerFile, sensors, Order.ARRIVAL);
    }

    /** As {@link #stage(String, String, int, int, int)}, with the rows of each file laid out as {@code order} says. */
    List<Path> stage(String runId, String dt, int files, int rowsPerFile, int sensors, Order order) throws IOException {
        List<Path> written = new ArrayList<>();
        long dayStart = LocalDate.parse(dt).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000L;
        Path dir = root.resolve(CuratedLayout.stagingPrefix(runId, dt));
        Files.createDirectories(dir);
        int existing;
        try (var list = Files.list(dir)) {
            existing = (int) list.count();
        }
        for (int f = 0; f < files; f++) {
            List<Reading> rows = new ArrayList<>();
            for (int i = 0; i < rowsPerFile; i++) {
                String sensor = String.format("sensor-%04d", random.nextInt(sensors));
                long ts = dayStart + (long) random.nextInt(86_400) * 1_000_000L + random.nextInt(1_000_000);
                // quarter steps keep sums exact in double arithmetic whatever the summation order
                double value = (random.nextInt(4_000_000) - 2_000_000) / 4.0;
                boolean located = random.nextBoolean();
                Map<String, String> attrs = random.nextInt(5) == 0 ? Map.of("site", "roof-" + random.nextInt(9)) : Map.of();
                rows.add(new Reading(sensor, ts, random.nextBoolean() ? "temperature" : "humidity", value,
                        "degC", located ? 45.0 + random.nextInt(1_000_000) / 1e6 : null, located ? 7.0 + random.nextInt(1_000_000) / 1e6 : null,
                        attrs, "incoming/" + runId + ".ndjson", runId));
                long[] agg = expected.computeIfAbsent(dt, k -> new TreeMap<>()).computeIfAbsent(sensor, k -> new long[2]);
                agg[0]++;
                agg[1] += Math.round(value * 4);
            }
            if (order == Order.SORTED) {
                io.sensoretl.reading.Utf8Pool pool = new io.sensoretl.reading.Utf8Pool();
                io.sensoretl.reading.ReadingBatch columns = new io.sensoretl.reading.ReadingBatch(rows.size());
                rows.forEach(r -> columns.append(r, pool));
                List<Reading> sorted = new ArrayList<>();
                for (int i : RowSorter.order(columns)) {
                    sorted.add(rows.get(i));
                }
                rows = sorted;
            }
            Path file = dir.resolve(String.format("chunk-%05d.parquet", existing + f));
            try (ParquetWriter<Reading> w = ParquetFiles.readingWriter(new LocalOutputFile(file))) {
                for (Reading r : rows) {
                    w.write(r);
                }
            }
            if (order != Order.ARRIVAL) {
                io.sensoretl.parquet.SortDeclaration.declareSensorTimeOrder(file);
            }
            written.add(file);
        }
        return written;
    }

    long rows(String dt) {
        return expected.getOrDefault(dt, Map.of()).values().stream().mapToLong(a -> a[0]).sum();
    }
}
