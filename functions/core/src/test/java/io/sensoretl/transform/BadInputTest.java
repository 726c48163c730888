package io.sensoretl.transform;

import static io.sensoretl.testing.TestBytes.gzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.chunk.ChunkDescriptor;
import io.sensoretl.contract.Contract;
import io.sensoretl.contract.ContractLoader;
import io.sensoretl.store.local.LocalObjectStore;
import io.sensoretl.testing.DuckDb;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input never crashes the transform: each problem is a reject with a reason, and good records survive. */
class BadInputTest {
    static final String GOOD = "{\"device\":{\"id\":\"s-1\"},\"time\":\"2024-03-01T10:00:00Z\",\"metric\":\"temperature\",\"value\":20.5,\"unit\":\"degC\"}";
    static final String GOOD2 = GOOD.replace("10:00:00", "11:00:00");

    @TempDir
    Path dir;

    private ChunkStats run(byte[] content) throws Exception {
        return run(content, ContractLoader.defaultContract());
    }

    private ChunkStats run(byte[] content, Contract contract) throws Exception {
        Path f = dir.resolve("in-" + System.nanoTime());
        Files.write(f, content);
        FileByteSource src = new FileByteSource(f);
        boolean gz = src.compression() != io.sensoretl.decode.Compression.NONE;
        var chunk = new ChunkDescriptor("run-x", 0, "b", "k", "e", content.length, 0, content.length, gz ? "gzip" : "none",
                !gz && contract.format().splittable(), "2024-03-01");
        return new ChunkTransformer(contract).transform(chunk, src, new TransformOutputs(new LocalObjectStore(dir), "r/", "j/"));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void binaryGarbageBecomesRejectsAndTheGoodRecordsAroundItSurvive() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(utf8(GOOD + "\n"));
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        byte[] junk = new byte[5000];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) r.nextInt(256);
        }
        b.write(junk);
        b.write(utf8("\n" + GOOD2 + "\n"));
        ChunkStats s = run(b.toByteArray());
        assertThat(s.valid()).isEqualTo(2);
        assertThat(s.rejected()).isPositive();
        assertThat(s.records()).isEqualTo(s.valid() + s.rejected());
        assertThat(s.rejectedByReason().keySet()).isSubsetOf("malformed_json", "invalid_encoding", "too_long");
    }

    @Test
    void aTruncatedGzipKeepsWhatWasReadableAndReportsTheLoss() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            sb.append(GOOD.replace("10:00:00", String.format("10:%02d:%02d", (i / 60) % 60, i % 60)).replace("s-1", "s-" + (i / 3600))).append('\n');
        }
        byte[] gz = gzip(utf8(sb.toString()));
        ChunkStats s = run(java.util.Arrays.copyOf(gz, gz.length * 2 / 3));
        assertThat(s.valid()).isBetween(100L, 4999L);
        assertThat(s.rejectedByReason()).containsEntry("truncated_input", 1L);
        assertThat(s.records()).isEqualTo(s.valid() + 1);
    }

    @Test
    void anEmptyObjectIsAnEmptyChunk() throws Exception {
        ChunkStats s = run(new byte[0]);
        assertThat(s.records()).isZero();
        assertThat(s.files()).isEmpty();
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstRecord() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = utf8(GOOD + "\r\n" + GOOD2 + "\r\n");
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        assertThat(run(all).valid()).isEqualTo(2);
    }

    @Test
    void nonFiniteNumbersDuplicateKeysAndInvalidUtf8EachGetTheirOwnReason() throws Exception {
        byte[] invalid = utf8(GOOD2.replace("s-1", "s-Z"));
        invalid[GOOD2.indexOf("s-1") + 2] = (byte) 0xFF;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(utf8(GOOD.replace("20.5", "NaN") + "\n"));
        b.write(utf8(GOOD.replace("20.5", "-Infinity") + "\n"));
        b.write(utf8(GOOD.replace("{\"device\"", "{\"value\":1,\"device\"") + "\n"));
        b.write(invalid);
        b.write(utf8("\n" + GOOD + "\n[1,2]\n"));
        ChunkStats s = run(b.toByteArray());
        assertThat(s.rejectedByReason()).isEqualTo(Map.of("not_finite", 2L, "duplicate_key", 1L, "invalid_encoding", 1L, "wrong_type", 1L));
        assertThat(s.valid()).isEqualTo(1);
    }

    @Test
    void rejectsCarryTheSourceOffsetOfTheirRecord() throws Exception {
        String bad = GOOD.replace("temperature", "vibration");
        ChunkStats s = run(utf8(GOOD + "\n\n" + bad + "\n"));
        assertThat(s.rejectedByReason()).isEqualTo(Map.of("unknown_metric", 1L));
        try (DuckDb db = new DuckDb()) {
            var row = db.query("SELECT byte_offset, raw, detail FROM read_parquet(" + DuckDb.literal(dir.resolve("j") + "/*.parquet") + ")").get(0);
            assertThat(row.get("byte_offset")).isEqualTo((long) GOOD.length() + 2);
            assertThat(row.get("raw")).isEqualTo(bad);
            assertThat((String) row.get("detail")).contains("vibration").contains("temperature");
        }
    }

    @Test
    void aJsonArrayDocumentIsStreamedAndABrokenTailIsOneReject() throws Exception {
        Contract array = ContractLoader.parse(Files.readString(Path.of(System.getProperty("sensoretl.repo.root", "../.."),
                "test-fixtures/contracts/default.yaml")).replace("type: ndjson", "type: json_array").getBytes(StandardCharsets.UTF_8), "array");
        ChunkStats ok = run(utf8("[" + GOOD + ",\n " + GOOD2 + "]"), array);
        assertThat(ok.valid()).isEqualTo(2);
        assertThat(ok.rejected()).isZero();
        ChunkStats broken = run(utf8("[" + GOOD + ",\n " + GOOD2 + ", {\"device\": oops"), array);
        assertThat(broken.valid()).isEqualTo(2);
        assertThat(broken.rejectedByReason()).isEqualTo(Map.of("malformed_json", 1L));
        ChunkStats notArray = run(utf8(GOOD), array);
        assertThat(notArray.rejectedByReason()).isEqualTo(Map.of("malformed_json", 1L));
    }

    @Test
    void aWideDelimitedDumpWithDecimalCommasAndSplitTimestampsIsUnpivoted() throws Exception {
        Contract wide = ContractLoader.parse(utf8("""
                version: 1
                name: wide
                format: {type: delimited, delimiter: ";", decimalSeparator: ",", header: true}
                mapping:
                  shape: wide
                  sensorId: {constant: station-1}
                  columns:
                    - {column: "CO(GT)", metric: co, unit: mg/m3}
                    - {column: T, metric: temperature, unit: degC}
                timestamp: {fields: [Date, Time], encoding: pattern, pattern: "dd/MM/yyyy HH.mm.ss", zone: Europe/Rome}
                missingValues: [-200]
                metrics: {temperature: {unit: degC, min: -60, max: 85}}
                """), "wide");
        String csv = "Date;Time;CO(GT);T;;\r\n10/03/2004;18.00.00;2,6;13,6;;\r\n10/03/2004;19.00.00;-200;13,3;;\r\n"
                + "bad-date;20.00.00;2,2;11,9;;\r\n;;;;;\r\n";
        ChunkStats s = run(utf8(csv), wide);
        assertThat(s.sourceRecords()).isEqualTo(3);
        assertThat(s.records()).isEqualTo(6);
        assertThat(s.valid()).isEqualTo(3);
        assertThat(s.rejectedByReason()).isEqualTo(Map.of("missing_value", 1L, "unparseable_timestamp", 2L));
        try (DuckDb db = new DuckDb()) {
            var rows = db.query("SELECT metric, value, strftime(ts AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS t FROM read_parquet("
                    + DuckDb.literal(dir.resolve("r") + "/*/*.parquet") + ") ORDER BY t, metric");
            assertThat(rows).extracting(r -> r.get("metric") + "@" + r.get("t") + "=" + r.get("value"))
                    .containsExactly("co@2004-03-10 17:00=2.6", "temperature@2004-03-10 17:00=13.6", "temperature@2004-03-10 18:00=13.3");
        }
    }

    @Test
    void debrisAfterTheDataColumnsIsIgnoredAndRowsWithEmptyDataColumnsAreBlank() throws Exception {
        String yaml = """
                version: 1
                name: debris
                format: {type: delimited, delimiter: ";", decimalSeparator: ",", header: true%s}
                mapping:
                  shape: wide
                  sensorId: {constant: station-1}
                  columns:
                    - {column: T, metric: temperature, unit: degC}
                timestamp: {fields: [Date, Time], encoding: pattern, pattern: "dd/MM/yyyy HH.mm.ss", zone: "+01:00"}
                """;
        // the UCI Air Quality export: two empty fields, sometimes stray commas, and separator-only rows with commas
        String csv = "Date;Time;T;;,,,,,\r\n10/03/2004;18.00.00;13,6;;\r\n10/03/2004;19.00.00;13,3;;,\r\n"
                + ";;;;,,,,,\r\n;;;;,,,,,\r\n";
        ChunkStats withColumns = run(utf8(csv), ContractLoader.parse(utf8(yaml.formatted(", dataColumns: 3")), "debris"));
        assertThat(withColumns.sourceRecords()).isEqualTo(2);
        assertThat(withColumns.valid()).isEqualTo(2);
        assertThat(withColumns.rejected()).isZero();

        // without the setting the comma rows are records, and each is rejected for its missing timestamp
        ChunkStats without = run(utf8(csv), ContractLoader.parse(utf8(yaml.formatted("")), "debris"));
        assertThat(without.sourceRecords()).isEqualTo(4);
        assertThat(without.rejectedByReason()).isEqualTo(Map.of("missing_field", 2L));
    }

    @Test
    void aDelimitedChunkWithoutItsHeaderRowFailsAsAChunkNotPerRecord() {
        Contract c = ContractLoader.parse(utf8("""
                version: 1
                name: csv
                format: {type: delimited}
                mapping: {sensorId: id, metric: m, value: v}
                timestamp: {fields: ts}
                """), "csv");
        assertThatThrownBy(() -> run(new byte[] {'\n', '\n'}, c)).hasMessageContaining("no header row");
    }
}
