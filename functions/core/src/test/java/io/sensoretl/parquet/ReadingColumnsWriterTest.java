package io.sensoretl.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.columnar.ReadingColumns;
import io.sensoretl.columnar.ReadingDictionaries;
import io.sensoretl.reading.Reading;
import io.sensoretl.testing.DuckDb;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SortingColumn;
import org.apache.parquet.format.Util;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadingColumnsWriterTest {
    @TempDir
    Path dir;

    /** The curated order: sensor id and metric in UTF-8 byte order, then input order. */
    static Comparator<Indexed> curated() {
        Comparator<String> bytes = (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
        return Comparator.<Indexed, String>comparing(i -> i.r.sensorId(), bytes)
                .thenComparingLong(i -> i.r.tsMicros())
                .thenComparing(i -> i.r.metric(), bytes)
                .thenComparingInt(i -> i.index);
    }

    record Indexed(Reading r, int index) {}

    private static List<Reading> randomReadings(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] sensors = {"s-1", "s-10", "s-2", "Ünïcode-ß", "emoji-\uD83D\uDE00", "\uFFFDz", "a", "s-1 "};
        String[] metrics = {"temperature", "humidity", "co2"};
        String[] units = {"degC", "%", null, ""};
        List<Reading> out = new ArrayList<>();
        long t0 = 1_709_251_200_000_000L;
        for (int i = 0; i < n; i++) {
            Map<String, String> attrs = new LinkedHashMap<>();
            if (random.nextInt(3) > 0) {
                attrs.put("firmware", "2." + random.nextInt(4));
            }
            if (random.nextInt(4) == 0) {
                attrs.put("site", random.nextInt(5) == 0 ? null : "plant-" + random.nextInt(9));
            }
            double value = switch (random.nextInt(6)) {
                case 0 -> -0.0;
                case 1 -> 0.0;
                case 2 -> random.nextInt(50) / 4.0;
                default -> random.nextGaussian() * 1e3;
            };
            Double lat = random.nextInt(5) == 0 ? null : (random.nextBoolean() ? 45.0 + random.nextInt(10) / 100.0 : -0.0);
            Double lon = random.nextInt(5) == 0 ? null : 9.19;
            out.add(new Reading(sensors[random.nextInt(sensors.length)], t0 + random.nextInt(86_400) * 1_000_000L,
                    metrics[random.nextInt(metrics.length)], value, units[random.nextInt(units.length)], lat, lon, attrs,
                    "s3://b/k.ndjson", random.nextInt(10) == 0 ? "run-2" : "run-1"));
        }
        return out;
    }

    @Test
    void aBatchWrittenSortedReadsBackBitForBitInCuratedOrderWithItsSortOrderInTheFooter() throws Exception {
        List<Reading> input = randomReadings(3, 45_001); // three data pages per column
        ReadingColumns batch = new ReadingColumns(new ReadingDictionaries());
        input.forEach(batch::add);
        Path file = dir.resolve("sorted.parquet");
        ReadingColumnsWriter.writeSorted(batch, new LocalOutputFile(file));

        List<Indexed> indexed = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            indexed.add(new Indexed(input.get(i), i));
        }
        indexed.sort(curated());
        List<Reading> back = new ArrayList<>();
        try (ReadingRows rows = ParquetFiles.readingReader(new LocalInputFile(file))) {
            for (Reading r; (r = rows.read()) != null; ) {
                back.add(r);
            }
        }
        assertThat(back).hasSize(input.size());
        for (int i = 0; i < back.size(); i++) {
            Reading expected = indexed.get(i).r();
            Reading actual = back.get(i);
            assertThat(actual).as("row %d", i).isEqualTo(expected);
            assertThat(Double.doubleToRawLongBits(actual.value())).isEqualTo(Double.doubleToRawLongBits(expected.value()));
            if (expected.lat() != null) {
                assertThat(Double.doubleToRawLongBits(actual.lat())).isEqualTo(Double.doubleToRawLongBits(expected.lat()));
            }
        }

        FileMetaData footer = footer(file);
        for (RowGroup g : footer.getRow_groups()) {
            assertThat(g.getSorting_columns()).containsExactly(new SortingColumn(0, false, false),
                    new SortingColumn(1, false, false), new SortingColumn(2, false, false));
        }
        try (DuckDb db = new DuckDb()) {
            String src = "read_parquet(" + DuckDb.literal(file) + ")";
            assertThat(db.scalar("SELECT count(*) FROM " + src)).isEqualTo((long) input.size());
            assertThat(db.scalar("SELECT count(*) FROM " + src + " WHERE value = 0 AND sign(1 / value) < 0")).isNotNull();
            // DuckDB reads the same rows in file order: compare a digest of every column
            List<Map<String, Object>> rows = db.query("SELECT sensor_id, epoch_us(ts) AS ts, metric, value, unit, lat, lon, "
                    + "map_keys(attributes) AS k, map_values(attributes) AS v, source_key, run_id FROM " + src);
            for (int i = 0; i < rows.size(); i += 997) {
                Reading e = indexed.get(i).r();
                Map<String, Object> row = rows.get(i);
                assertThat(row.get("sensor_id")).isEqualTo(e.sensorId());
                assertThat(row.get("ts")).isEqualTo(e.tsMicros());
                assertThat(row.get("metric")).isEqualTo(e.metric());
                assertThat(row.get("value")).isEqualTo(e.value());
                assertThat(row.get("unit")).isEqualTo(e.unit());
                assertThat(row.get("lat")).isEqualTo(e.lat());
                assertThat(row.get("run_id")).isEqualTo(e.runId());
            }
            assertThat(db.scalar("SELECT count(*) FROM parquet_metadata(" + DuckDb.literal(file) + ") WHERE compression <> 'ZSTD'"))
                    .isEqualTo(0L);
            assertThat(db.scalar("SELECT string_agg(DISTINCT encodings, ',' ORDER BY encodings) FROM parquet_metadata("
                    + DuckDb.literal(file) + ") WHERE path_in_schema = 'ts'").toString()).contains("DELTA_BINARY_PACKED");
        }
    }

    @Test
    void readingsWithoutOptionalColumnsOrAttributesStillMakeAValidFile() throws Exception {
        ReadingColumns batch = new ReadingColumns(new ReadingDictionaries());
        batch.add(new Reading("b", 2, "m", 1.5, null, null, null, Map.of(), "src", "run"));
        batch.add(new Reading("a", 1, "m", -2.5, null, null, null, Map.of(), "src", "run"));
        Path file = dir.resolve("bare.parquet");
        ReadingColumnsWriter.writeSorted(batch, new LocalOutputFile(file));
        List<Reading> back = new ArrayList<>();
        try (ReadingRows rows = ParquetFiles.readingReader(new LocalInputFile(file))) {
            for (Reading r; (r = rows.read()) != null; ) {
                back.add(r);
            }
        }
        assertThat(back).containsExactly(new Reading("a", 1, "m", -2.5, null, null, null, Map.of(), "src", "run"),
                new Reading("b", 2, "m", 1.5, null, null, null, Map.of(), "src", "run"));
        try (DuckDb db = new DuckDb()) {
            assertThat(db.scalar("SELECT count(*) FROM read_parquet(" + DuckDb.literal(file) + ") WHERE unit IS NULL AND attributes IS NULL"))
                    .isEqualTo(2L);
        }
    }

    static FileMetaData footer(Path file) throws Exception {
        byte[] all = Files.readAllBytes(file);
        int len = ByteBuffer.wrap(all, all.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return Util.readFileMetaData(new ByteArrayInputStream(all, all.length - 8 - len, len));
    }
}
