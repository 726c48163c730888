package io.sensoretl.transform;

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
}
