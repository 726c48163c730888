package io.sensoretl.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.reading.Reading;
import io.sensoretl.reading.Reject;
import io.sensoretl.reading.RejectReason;
import io.sensoretl.testing.DuckDb;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetFilesTest {

    @TempDir
    Path dir;

    private static Reading reading(String sensor, Instant ts, double value, Map<String, String> attrs, Double lat) {
        return new Reading(sensor, Reading.micros(ts), "temperature", value, "degC", lat, lat == null ? null : 7.5,
                attrs, "incoming/a.ndjson", "run-1");
    }

    @Test
    void readingsWrittenWithoutHadoopAreReadByDuckDbWithTypes() throws Exception {
        Path file = dir.resolve("r.parquet");
        Instant t0 = Instant.parse("2024-03-01T10:15:30.123456Z");
        try (ParquetWriter<Reading> w = ParquetFiles.readingWriter(new LocalOutputFile(file))) {
            w.write(reading("s-1", t0, 21.5, Map.of("site", "roof"), 45.1));
            w.write(reading("s-2", t0.plusSeconds(60), -3.25, Map.of(), null));
        }
        try (DuckDb db = new DuckDb()) {
            String src = "read_parquet(" + DuckDb.literal(file) + ")";
            assertThat(db.query("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM " + src + ")"))
                    .extracting(r -> r.get("column_name") + " " + r.get("column_type"))
                    .contains("sensor_id VARCHAR", "ts TIMESTAMP WITH TIME ZONE", "value DOUBLE", "lat DOUBLE",
                            "attributes MAP(VARCHAR, VARCHAR)");
            assertThat(db.query("SELECT sensor_id, epoch_us(ts) AS us, value, lat, attributes['site'] AS site FROM "
                    + src + " ORDER BY sensor_id"))
                    .containsExactly(
                            Map.of("sensor_id", "s-1", "us", Reading.micros(t0), "value", 21.5, "lat", 45.1, "site", "roof"),
                            mapWithNulls("s-2", Reading.micros(t0.plusSeconds(60)), -3.25));
            assertThat(db.scalar("SELECT compression FROM parquet_metadata(" + DuckDb.literal(file) + ") LIMIT 1"))
                    .isEqualTo("ZSTD");
        }
    }

    private static Map<String, Object> mapWithNulls(String sensor, long us, double value) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("sensor_id", sensor);
        m.put("us", us);
        m.put("value", value);
        m.put("lat", null);
        m.put("site", null);
        return m;
    }

    @Test
    void readingsRoundTripThroughOwnReader() throws Exception {
        Path file = dir.resolve("rt.parquet");
        List<Reading> written = List.of(
                reading("a", Instant.parse("2024-01-01T00:00:00Z"), 1.0, Map.of("k", "v", "k2", "v2"), 1.0),
                reading("b", Instant.parse("2024-01-01T00:00:01Z"), 2.0, Map.of(), null));
        try (ParquetWriter<Reading> w = ParquetFiles.readingWriter(new LocalOutputFile(file))) {
            for (Reading r : written) {
                w.write(r);
            }
        }
        List<Reading> read = new ArrayList<>();
        try (ReadingRows r = ParquetFiles.readingReader(new LocalInputFile(file))) {
            for (Reading x; (x = r.read()) != null; ) {
                read.add(x);
            }
        }
        assertThat(read).isEqualTo(written);
    }

    @Test
    void rejectsAreQueryable() throws Exception {
        Path file = dir.resolve("j.parquet");
        try (ParquetWriter<Reject> w = ParquetFiles.rejectWriter(new LocalOutputFile(file))) {
            w.write(new Reject("incoming/a", 1234, RejectReason.OUT_OF_RANGE, "value 900 > max 80", "{\"v\":900}", "run-1"));
        }
        try (DuckDb db = new DuckDb()) {
            assertThat(db.query("SELECT byte_offset, reason, raw FROM read_parquet(" + DuckDb.literal(file) + ")"))
                    .containsExactly(Map.of("byte_offset", 1234L, "reason", "out_of_range", "raw", "{\"v\":900}"));
        }
    }
}
