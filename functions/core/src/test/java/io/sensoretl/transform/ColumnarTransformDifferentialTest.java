package io.sensoretl.transform;

import static io.sensoretl.testing.TestBytes.concat;
import static io.sensoretl.testing.TestBytes.gzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sensoretl.contract.Contract;
import io.sensoretl.contract.ContractLoader;
import io.sensoretl.generate.DumpGenerator;
import io.sensoretl.testing.DuckDb;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The columnar transform ({@link ChunkTransformer}) against the straightforward reference
 * ({@link ReferenceChunkTransformer}) on the same inputs and chunkings: identical accounting, identical
 * rejects in order (reason, detail, offset, raw text), identical readings bit for bit; and every file
 * of the columnar one sorted by (sensor_id, ts, metric) with the order in its footer.
 */
class ColumnarTransformDifferentialTest {
    @TempDir
    Path dir;

    private int runs;

    private static Path repo() {
        return Path.of(System.getProperty("sensoretl.repo.root", ".."));
    }

    private static Path shared() {
        return Path.of(System.getProperty("sensoretl.shared", repo().resolve("../shared").toString()));
    }

    private Contract contract(String yaml) {
        return ContractLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "test");
    }

    private static String defaultYaml() throws Exception {
        return Files.readString(repo().resolve("test-fixtures/contracts/default.yaml"));
    }

    /** Share of source records the last comparison's columnar transform decided on its fast path. */
    private double fastShare;

    private TransformOutcome[] compare(Contract contract, Path file, long chunkBytes, String what) throws Exception {
        Path out = dir.resolve("run-" + runs++);
        boolean splittable = contract.format().splittable();
        TransformOutcome reference = TransformOutcome.run(TransformOutcome.reference(contract), file, chunkBytes, splittable,
                out.resolve("reference"));
        TransformOutcome.Columnar fast = new TransformOutcome.Columnar(contract);
        TransformOutcome columnar = TransformOutcome.run(fast, file, chunkBytes, splittable, out.resolve("columnar"));
        fastShare = fast.fastShare();
        System.out.printf("%s, chunks of %d: %.1f %% of records on the fast path%n", what, chunkBytes, 100 * fastShare);
        TransformOutcome.assertSame(reference, columnar, what + " (chunks of " + chunkBytes + ")");
        TransformOutcome.assertSortedFiles(columnar);
        return new TransformOutcome[] {reference, columnar};
    }

    private Path write(String name, byte[] content) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, content);
        return f;
    }

    @Test
    void generatedDumpsWithEveryKindOfBadRecordGiveTheSameReadingsAndRejects() throws Exception {
        Path dump = dir.resolve("dump.ndjson");
        try (OutputStream out = Files.newOutputStream(dump)) {
            new DumpGenerator(42, 0.3).writeRecords(out, 20_000);
        }
        Contract contract = ContractLoader.defaultContract();
        TransformOutcome[] whole = compare(contract, dump, 0, "generated dump");
        assertThat(TransformOutcome.totalsByReason(whole[1])).hasSize(14);
        // the bad kinds the fast path leaves to the reference are about half of the 30 % bad records
        assertThat(fastShare).as("share of records decided on the fast path").isGreaterThan(0.8);
        compare(contract, dump, 64 * 1024, "generated dump");
        compare(contract, dump, 7_001, "generated dump");
    }

    @Test
    void tinyChunksCutRecordsAnywhereAndDuplicatesAcrossChunkBoundariesAreStillFound() throws Exception {
        Path dump = dir.resolve("small.ndjson");
        try (OutputStream out = Files.newOutputStream(dump)) {
            new DumpGenerator(5, 0.4).writeRecords(out, 400);
        }
        Contract contract = ContractLoader.defaultContract();
        for (long chunk : new long[] {97, 333, 1_000}) {
            compare(contract, dump, chunk, "small dump");
        }
        Path three = write("three.ndjson", java.util.Arrays.copyOf(Files.readAllBytes(dump), 600));
        compare(contract, three, 1, "one-byte chunks");
    }

    @Test
    void randomJsonRecordsOfEveryShapeGiveTheSameReadingsAndRejects() throws Exception {
        Contract contract = ContractLoader.defaultContract();
        SplittableRandom chunks = new SplittableRandom(11);
        for (long seed = 1; seed <= 6; seed++) {
            Path f = write("random-" + seed + ".ndjson", RandomDumps.ndjson(seed, 3_000));
            TransformOutcome[] o = compare(contract, f, 0, "random records, seed " + seed);
            assertThat(o[1].readings()).as("some records are valid").isNotEmpty();
            assertThat(fastShare).as("both paths are exercised").isBetween(0.3, 0.95);
            assertThat(TransformOutcome.totalsByReason(o[1]).size()).as("many reject reasons").isGreaterThan(8);
            compare(contract, f, 500 + chunks.nextInt(20_000), "random records, seed " + seed);
        }
    }

    @Test
    void contractVariantsGiveTheSameReadingsAndRejects() throws Exception {
        String base = defaultYaml();
        Path f = write("variants.ndjson", RandomDumps.ndjson(99, 4_000));
        // a local zone with daylight saving time for times without an offset
        compare(contract(base.replace("zone: UTC", "zone: Europe/Rome")), f, 3_000, "zone Europe/Rome");
        // no dedupe, unknown metrics accepted, no conversions
        compare(contract(base.replace("rejectUnknownMetrics: true", "rejectUnknownMetrics: false")
                .replace("window: 100000", "window: 0").replaceAll("(?s)conversions:.*?\n\n", "\n")), f, 0, "lenient contract");
        // a dedupe key over every field, attributes from a constant and a missing pointer
        compare(contract(base.replace("key: [sensor_id, ts, metric]", "key: [sensor_id, ts, metric, value, unit, lat, lon]")
                .replace("site: /site", "site: {constant: \"plant-x\"}\n    missing: /nowhere/at/all")), f, 5_000, "full dedupe key");
        // epoch milliseconds and a sensor id from a constant
        StringBuilder epochs = new StringBuilder();
        SplittableRandom r = new SplittableRandom(3);
        String[] ts = {"1709287200000", "1709287200123.5", "-5", "1e20", "\"1709287200000\"", "null", "1709287200000.0004", "0",
            "7258118400000", "1709287200000e0"};
        for (int i = 0; i < 2_000; i++) {
            epochs.append("{\"ts\":").append(r.nextInt(3) > 0 ? String.valueOf(1_709_287_200_000L + r.nextInt(100_000_000))
                    : ts[r.nextInt(ts.length)]).append(",\"metric\":\"temperature\",\"value\":").append(r.nextInt(200) - 100)
                    .append(".5,\"unit\":\"degC\"}\n");
        }
        Path ef = write("epochs.ndjson", epochs.toString().getBytes(StandardCharsets.UTF_8));
        compare(contract(base.replace("sensorId: /device/id", "sensorId: {constant: \"  station-9 \"}")
                .replace("fields: /time", "fields: /ts").replace("encoding: iso8601", "encoding: epoch_ms")), ef, 10_000, "epoch ms");
        // wide NDJSON: one reading per listed pointer
        StringBuilder wide = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            wide.append("{\"id\":\"w-").append(r.nextInt(4)).append("\",\"t\":\"2024-03-01T").append(String.format("%02d:%02d:00Z",
                    r.nextInt(24), r.nextInt(60))).append("\",\"temp\":").append(r.nextInt(10) == 0 ? "-9999" : String.valueOf(r.nextInt(100) - 20))
                    .append(r.nextInt(8) == 0 ? "" : ",\"hum\":" + RandomDumps.NUMBERS[r.nextInt(RandomDumps.NUMBERS.length)]).append("}\n");
        }
        Path wf = write("wide.ndjson", wide.toString().getBytes(StandardCharsets.UTF_8));
        compare(contract("""
                version: 1
                name: wide-json
                format: {type: ndjson}
                mapping:
                  shape: wide
                  sensorId: /id
                  columns:
                    - {pointer: /temp, metric: temperature, unit: degF}
                    - {pointer: /hum, metric: " humidity ", unit: "%"}
                timestamp: {fields: /t}
                missingValues: [-9999, 0]
                metrics:
                  temperature: {unit: degC, min: -20, max: 30}
                  humidity: {unit: "%", min: 0, max: 100}
                conversions:
                  - {from: degF, to: degC, scale: 0.5555555555555556, offset: -17.77777777777778}
                """), wf, 7_000, "wide NDJSON");
    }

    @Test
    void aGzippedDumpIsOneChunkAndGivesTheSameResult() throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        new DumpGenerator(8, 0.2).writeRecords(raw, 3_000);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
            z.write(raw.toByteArray());
        }
        byte[] all = gz.toByteArray();
        compare(ContractLoader.defaultContract(), write("dump.ndjson.gz", all), 0, "gzip");
        compare(ContractLoader.defaultContract(), write("cut.ndjson.gz", java.util.Arrays.copyOf(all, all.length * 2 / 3)), 0,
                "truncated gzip");
    }

    @Test
    void theBundledSampleGivesTheSameResult() throws Exception {
        Path sample = repo().resolve("test-fixtures/sample/sensor-dump.ndjson");
        compare(ContractLoader.defaultContract(), sample, 0, "sample");
        compare(ContractLoader.defaultContract(), sample, 50_000, "sample");
    }

    @Test
    void delimitedRowsInTheAirQualityShapeGiveTheSameReadingsAndRejects() throws Exception {
        Contract uci = ContractLoader.parse(Files.readAllBytes(repo().resolve("test-fixtures/contracts/airquality-uci.yaml")), "uci");
        for (long seed = 1; seed <= 4; seed++) {
            Path f = write("uci-" + seed + ".csv", RandomDumps.uciCsv(seed, 3_000));
            TransformOutcome[] o = compare(uci, f, 0, "random UCI rows, seed " + seed);
            assertThat(o[1].readings()).isNotEmpty();
            assertThat(fastShare).as("both paths are exercised").isBetween(0.3, 0.95);
            compare(uci, f, 1_000 + seed * 3_001, "random UCI rows, seed " + seed);
        }
        // the same rows under a region zone with daylight saving time, and with dots as decimal separator
        String yaml = Files.readString(repo().resolve("test-fixtures/contracts/airquality-uci.yaml"));
        Path f = write("uci-zone.csv", RandomDumps.uciCsv(9, 3_000));
        compare(contract(yaml.replace("zone: \"+01:00\"", "zone: Europe/Rome")), f, 20_000, "UCI rows, Europe/Rome");
        Path dots = write("uci-dots.csv", RandomDumps.uciCsv(10, 3_000, '.'));
        compare(contract(yaml.replace("decimalSeparator: \",\"", "decimalSeparator: \".\"")), dots, 0, "UCI rows, decimal dot");
        assertThat(fastShare).isGreaterThan(0.3);
    }

    @Test
    void theRealAirQualityDatasetGivesTheSameReadingsAndRejects() throws Exception {
        Path csv = shared().resolve("datasets/AirQualityUCI.csv");
        assumeTrue(Files.exists(csv), "skipped: " + csv + " is absent (the shared datasets are not beside this checkout)");
        Contract uci = ContractLoader.parse(Files.readAllBytes(repo().resolve("test-fixtures/contracts/airquality-uci.yaml")), "uci");
        TransformOutcome[] o = compare(uci, csv, 0, "AirQualityUCI.csv");
        assertThat(fastShare).as("share of records decided on the fast path").isGreaterThan(0.99);
        compare(uci, csv, 100_000, "AirQualityUCI.csv");
        assertThat(o[1].readings()).hasSizeGreaterThan(100_000);
        try (DuckDb db = new DuckDb()) {
            String files = "read_parquet(" + DuckDb.literal(dir.resolve("run-0/columnar/readings") + "/*/*.parquet") + ")";
            assertThat(db.scalar("SELECT count(*) FROM " + files)).isEqualTo((long) o[1].readings().size());
        }
    }

    /** A record of the default contract at minute {@code i} with {@code id} as the sensor id (raw JSON text inside the quotes). */
    private static String record(int i, String id, String extra) {
        return "{\"device\":{\"id\":\"" + id + "\",\"fw\":\"1.2\"},\"time\":\"2024-03-01T" + String.format("%02d:%02d:00Z", i / 60 % 24, i % 60)
                + "\",\"metric\":\"temperature\",\"value\":" + (i % 50) + ".5,\"unit\":\"degC\"" + extra + "}";
    }

    private static byte[] hex(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }

    /**
     * The strict reference's own reject reasons (invalid_encoding for malformed UTF-8 such as overlong
     * forms, invalid_character for control and bidi characters in identifiers and attribute values,
     * cr_line_ends, malformed_json) mixed with good records: the fast path leaves every such record to the
     * reference, which words it.
     */
    @Test
    void strictInputRejectsOfNdjsonAreTheReferencesWordForWord() throws Exception {
        SplittableRandom r = new SplittableRandom(17);
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        String[][] idBytes = {{"C0AF"}, {"E080AF"}, {"F08080AF"}, {"EDA080"}, {"F4908080"}, {"E282"}, {"80"}, {"F888808080"},
            {"C3A9"}, {"F09F9880"}, {"E280AE"}, {"E2808B"}, {"7F"}, {"07"}, {"0D"}};
        String[] escapes = {"\\u0007", "\\u202e", "\\u200b", "\\ud800", "\\u0000", "\\t", "\\r\\n", "\\u00e9", "\\u2028"};
        for (int i = 0; i < 6_000; i++) {
            int kind = r.nextInt(20);
            String sensor = "s-" + r.nextInt(40);
            byte[] line;
            if (kind == 0) {
                String[] halves = record(i, sensor + "XX", "").split("XX", 2);
                line = concat(halves[0].getBytes(StandardCharsets.UTF_8), hex(idBytes[r.nextInt(idBytes.length)][0]),
                        halves[1].getBytes(StandardCharsets.UTF_8));
            } else if (kind == 1) {
                line = record(i, sensor + escapes[r.nextInt(escapes.length)], "").getBytes(StandardCharsets.UTF_8);
            } else if (kind == 2) {
                String e = escapes[r.nextInt(escapes.length)];
                line = (r.nextBoolean() ? record(i, sensor, "").replace("\"temperature\"", "\"temp" + e + "erature\"")
                        : record(i, sensor, "").replace("\"degC\"", "\"deg" + e + "C\"")).getBytes(StandardCharsets.UTF_8);
            } else if (kind == 3) {
                line = record(i, sensor, ",\"site\":\"plant" + escapes[r.nextInt(escapes.length)] + "-1\"").getBytes(StandardCharsets.UTF_8);
            } else if (kind == 4) {
                // a bare CR inside the record (a CR-only line end, or CR as JSON whitespace)
                line = (r.nextBoolean() ? record(i, sensor, "") + "\r" + record(i + 1, sensor, "")
                        : record(i, sensor, "").replace(",\"metric\"", ",\r\"metric\"")).getBytes(StandardCharsets.UTF_8);
            } else if (kind == 5) {
                String[] halves = record(i, sensor, ",\"site\":\"pXXq\"").split("XX", 2);
                line = concat(halves[0].getBytes(StandardCharsets.UTF_8), hex(idBytes[r.nextInt(idBytes.length)][0]),
                        halves[1].getBytes(StandardCharsets.UTF_8));
            } else {
                line = record(i, sensor, "").getBytes(StandardCharsets.UTF_8);
            }
            dump.writeBytes(line);
            dump.write(r.nextInt(10) == 0 ? '\r' : 0);
            dump.write('\n');
        }
        byte[] bytes = dump.toByteArray();
        // the optional CR before LF was written as CR or NUL: drop the NULs
        ByteArrayOutputStream clean = new ByteArrayOutputStream();
        for (byte b : bytes) {
            if (b != 0) {
                clean.write(b);
            }
        }
        Path f = write("strict.ndjson", clean.toByteArray());
        Contract contract = ContractLoader.defaultContract();
        TransformOutcome[] o = compare(contract, f, 0, "strict-input NDJSON");
        assertThat(TransformOutcome.totalsByReason(o[1])).containsKeys("invalid_encoding", "invalid_character", "cr_line_ends",
                "malformed_json");
        compare(contract, f, 9_001, "strict-input NDJSON");

        // gzip: a corrupt member, then trailing garbage after the last member
        byte[] plain = clean.toByteArray();
        byte[] first = gzip(java.util.Arrays.copyOf(plain, 200_000));
        byte[] second = gzip(java.util.Arrays.copyOfRange(plain, 200_000, plain.length));
        byte[] badCrc = second.clone();
        badCrc[badCrc.length - 6] ^= 0x55;
        TransformOutcome[] corrupt = compare(contract, write("corrupt.ndjson.gz", concat(first, badCrc)), 0, "corrupt gzip member");
        assertThat(TransformOutcome.totalsByReason(corrupt[1])).containsKey("corrupt_input");
        TransformOutcome[] garbage = compare(contract, write("garbage.ndjson.gz", concat(first, second,
                "not gzip at all\n".getBytes(StandardCharsets.US_ASCII))), 0, "trailing garbage");
        assertThat(TransformOutcome.totalsByReason(garbage[1])).containsKey("trailing_garbage");
    }

    /**
     * Delimited rows the strict reference rejects itself: the wrong number of fields (malformed_row naming
     * the line), a bare CR, control characters and bidi overrides in ids, malformed UTF-8; with and without
     * rowNames, and with multilineFields (the fast path stays off there).
     */
    @Test
    void strictInputRejectsOfDelimitedRowsAreTheReferencesWordForWord() throws Exception {
        SplittableRandom r = new SplittableRandom(23);
        for (boolean rowNames : new boolean[] {false, true}) {
            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            csv.writeBytes("sensor,ts,metric,value,unit,note\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 4_000; i++) {
                String name = rowNames ? i + "," : "";
                String[] f = {"s-" + r.nextInt(30), String.valueOf(1_709_287_200 + i * 60), r.nextInt(8) == 0 ? "humidity" : "temperature",
                    (r.nextInt(90) - 20) + "." + r.nextInt(10), r.nextInt(8) == 0 ? "%" : "degC", "n" + r.nextInt(5)};
                byte[] row;
                switch (r.nextInt(16)) {
                    case 0 -> row = (name + String.join(",", f) + ",extra").getBytes(StandardCharsets.US_ASCII);
                    case 1 -> row = (name + String.join(",", java.util.Arrays.copyOf(f, 3 + r.nextInt(3)))).getBytes(StandardCharsets.US_ASCII);
                    case 2 -> row = (String.join(",", f)).getBytes(StandardCharsets.US_ASCII); // a row name too few or too many
                    case 3 -> row = (name + String.join(",", f).replaceFirst(",", "\r,")).getBytes(StandardCharsets.US_ASCII);
                    case 4 -> row = concat((name + f[0]).getBytes(StandardCharsets.US_ASCII),
                            hex(new String[] {"E280AE", "07", "C0AF", "E2808B", "C3A9", "1B"}[r.nextInt(6)]),
                            ("," + String.join(",", java.util.Arrays.copyOfRange(f, 1, 6))).getBytes(StandardCharsets.US_ASCII));
                    case 5 -> row = (name + "\"" + f[0] + "\"," + String.join(",", java.util.Arrays.copyOfRange(f, 1, 6)))
                            .getBytes(StandardCharsets.US_ASCII);
                    default -> row = (name + String.join(",", f)).getBytes(StandardCharsets.US_ASCII);
                }
                csv.writeBytes(row);
                csv.writeBytes(r.nextInt(6) == 0 ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
            }
            Contract contract = contract("""
                    version: 1
                    name: csv
                    format: {type: delimited%s}
                    mapping: {sensorId: sensor, metric: metric, value: value, unit: unit, attributes: {note: note}}
                    timestamp: {fields: ts, encoding: epoch_s}
                    metrics:
                      temperature: {unit: degC, min: -20, max: 60}
                      humidity: {unit: "%%", min: 0, max: 100}
                    """.formatted(rowNames ? ", rowNames: true" : ""));
            Path f = write("strict-" + rowNames + ".csv", csv.toByteArray());
            TransformOutcome[] o = compare(contract, f, 0, "strict-input CSV, rowNames " + rowNames);
            assertThat(TransformOutcome.totalsByReason(o[1])).containsKeys("malformed_row", "invalid_character",
                    "invalid_encoding", "cr_line_ends");
            assertThat(fastShare).as("both paths are exercised").isBetween(0.3, 0.95);
            compare(contract, f, 7_777, "strict-input CSV, rowNames " + rowNames);
            Contract multiline = contract("""
                    version: 1
                    name: csv
                    format: {type: delimited, multilineFields: true%s}
                    mapping: {sensorId: sensor, metric: metric, value: value, unit: unit, attributes: {note: note}}
                    timestamp: {fields: ts, encoding: epoch_s}
                    """.formatted(rowNames ? ", rowNames: true" : ""));
            compare(multiline, f, 0, "strict-input CSV, multilineFields, rowNames " + rowNames);
        }
    }
}
