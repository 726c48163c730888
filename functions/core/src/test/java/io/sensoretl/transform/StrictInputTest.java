package io.sensoretl.transform;

import static io.sensoretl.testing.TestBytes.concat;
import static io.sensoretl.testing.TestBytes.gzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.contract.Contract;
import io.sensoretl.contract.ContractLoader;
import io.sensoretl.store.local.LocalObjectStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input that is wrong in ways a lenient reader would let through (or mislabel) is rejected with its own
 * reason, so no wrong value is ever curated: malformed UTF-8, invisible characters in identifiers, rows
 * with the wrong number of fields, damaged gzip, CR-only line ends.
 */
class StrictInputTest {
    static final String GOOD = BadInputTest.GOOD;

    @TempDir
    Path dir;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Stored (uncompressed) deflate blocks: a changed byte changes one byte of data, and only the CRC-32 tells. */
    private static byte[] gzipStored(byte[] raw) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out) {
            {
                def.setLevel(java.util.zip.Deflater.NO_COMPRESSION);
            }
        }) {
            z.write(raw);
        }
        return out.toByteArray();
    }

    private static String good(int minute) {
        return GOOD.replace("10:00:00", String.format("10:%02d:00", minute));
    }

    /** A GOOD record whose sensor id is {@code s-} followed by the given bytes. */
    private static byte[] withIdBytes(int minute, String hex) {
        String[] halves = good(minute).split("s-1", 2);
        return concat(utf8(halves[0] + "s-"), HexFormat.of().parseHex(hex), utf8(halves[1] + "\n"));
    }

    private ChunkStats run(byte[] content) throws Exception {
        return WholeObject.transform(dir, content, ContractLoader.defaultContract());
    }

    private ChunkStats run(byte[] content, String contractYaml) throws Exception {
        return WholeObject.transform(dir, content, ContractLoader.parse(utf8(contractYaml), "test"));
    }

    private List<Map<String, Object>> rejects() throws Exception {
        return WholeObject.rejects(dir);
    }

    // ---- malformed UTF-8 --------------------------------------------------------------------------

    @Test
    void anOverlongSlashAndEveryOtherMalformedUtf8SequenceIsInvalidEncoding() throws Exception {
        byte[] dump = concat(
                utf8(good(0) + "\n"),
                withIdBytes(1, "C0AF"),         // overlong "/" (the classic path-traversal spelling)
                withIdBytes(2, "E080AF"),       // overlong "/" in three bytes
                withIdBytes(3, "F08080AF"),     // overlong "/" in four bytes
                withIdBytes(4, "EDA080"),       // U+D800, a surrogate, encoded as if it were a character
                withIdBytes(5, "F4908080"),     // U+110000, beyond Unicode
                withIdBytes(6, "E282"),         // a three-byte sequence cut short
                withIdBytes(7, "80"),           // a continuation byte with no lead
                withIdBytes(8, "F888808080"),   // a five-byte form, never valid
                withIdBytes(9, "C3A9"),         // é: valid
                withIdBytes(10, "F09F9880"));   // an emoji: valid, four bytes
        ChunkStats s = run(dump);
        assertThat(s.rejectedByReason()).isEqualTo(Map.of("invalid_encoding", 8L));
        assertThat(s.valid()).isEqualTo(3);
        List<Map<String, Object>> r = rejects();
        assertThat((String) r.get(0).get("detail")).contains("overlong").contains("C0 AF");
        assertThat((String) r.get(3).get("detail")).contains("surrogate");
        assertThat((String) r.get(4).get("detail")).contains("U+10FFFF");
        assertThat((String) r.get(5).get("detail")).contains("truncated");
        assertThat((String) r.get(6).get("detail")).contains("continuation");
    }

    @Test
    void anOverlongSequenceIsInvalidEncodingInDelimitedAndJsonArrayDumpsToo() throws Exception {
        byte[] csv = concat(utf8("id,ts,m,v\ns-1,2024-03-01T10:00:00Z,temperature,1\ns-"), HexFormat.of().parseHex("C0AF"),
                utf8(",2024-03-01T10:01:00Z,temperature,2\n"));
        ChunkStats delimited = run(csv, """
                version: 1
                name: csv
                format: {type: delimited}
                mapping: {sensorId: id, metric: m, value: v}
                timestamp: {fields: ts}
                """);
        assertThat(delimited.rejectedByReason()).isEqualTo(Map.of("invalid_encoding", 1L));
        assertThat(delimited.valid()).isEqualTo(1);

        byte[] array = concat(utf8("[" + good(0) + ",\n"), withIdBytes(1, "C0AF"), utf8("]"));
        ChunkStats json = run(array, """
                version: 1
                name: array
                format: {type: json_array}
                mapping: {sensorId: /device/id, metric: /metric, value: /value, unit: /unit}
                timestamp: {fields: /time}
                """);
        assertThat(json.valid()).isEqualTo(1);
        assertThat(json.rejectedByReason()).isEqualTo(Map.of("invalid_encoding", 1L));
    }

    // ---- invisible characters in identifiers --------------------------------------------------------

    @Test
    void controlAndInvisibleFormatCharactersInIdentifiersAreRejectedNamingTheFieldAndCodePoint() throws Exception {
        String[][] cases = {
            {"sensor", "s-\\u00001", "/device/id", "U+0000"},
            {"sensor", "s-\\r1", "/device/id", "U+000D"},
            {"sensor", "s-\\n1", "/device/id", "U+000A"},
            {"sensor", "s-\\t1", "/device/id", "U+0009"},
            {"sensor", "s-\\u200b1", "/device/id", "U+200B"},      // zero width space
            {"sensor", "s-\\ud8001", "/device/id", "U+D800"},      // a lone surrogate from a JSON escape
            {"metric", "temp\\u202eerature", "/metric", "U+202E"}, // right-to-left override
            {"metric", "temp\\u0085erature", "/metric", "U+0085"}, // C1 control (NEL)
            {"unit", "de\\u2066gC", "/unit", "U+2066"},            // left-to-right isolate
            {"unit", "degC\\u007f", "/unit", "U+007F"},
        };
        StringBuilder dump = new StringBuilder(good(0)).append('\n');
        for (int i = 0; i < cases.length; i++) {
            String line = good(i + 1);
            line = switch (cases[i][0]) {
                case "sensor" -> line.replace("\"s-1\"", "\"" + cases[i][1] + "\"");
                case "metric" -> line.replace("\"temperature\"", "\"" + cases[i][1] + "\"");
                default -> line.replace("\"degC\"", "\"" + cases[i][1] + "\"");
            };
            dump.append(line).append('\n');
        }
        ChunkStats s = run(utf8(dump.toString()));
        assertThat(s.valid()).isEqualTo(1);
        assertThat(s.rejectedByReason()).isEqualTo(Map.of("invalid_character", (long) cases.length));
        List<Map<String, Object>> r = rejects();
        for (int i = 0; i < cases.length; i++) {
            assertThat((String) r.get(i).get("detail")).as(cases[i][1]).contains(cases[i][2]).contains(cases[i][3]);
        }
    }

    @Test
    void attributeTextMayHoldLineBreaksButNotControlOrBidiOverrideCharacters() throws Exception {
        String contract = """
                version: 1
                name: attrs
                format: {type: ndjson}
                mapping: {sensorId: /device/id, metric: /metric, value: /value, unit: /unit, attributes: {note: /note}}
                timestamp: {fields: /time}
                """;
        String dump = good(0).replace("}", ",\"note\":\"first line\\nsecond\\tline\"}") + "\n"
                + good(1).replace("}", ",\"note\":\"bell\\u0007\"}") + "\n"
                + good(2).replace("}", ",\"note\":\"\\u202etxt.exe\"}") + "\n"
                + good(3).replace("}", ",\"note\":\"\u05e9\u05dc\u05d5\u05dd \u200d\"}") + "\n";
        ChunkStats s = run(utf8(dump), contract);
        assertThat(s.valid()).isEqualTo(2);
        assertThat(s.rejectedByReason()).isEqualTo(Map.of("invalid_character", 2L));
        assertThat(rejects()).extracting(r -> (String) r.get("detail"))
                .anySatisfy(d -> assertThat(d).contains("attributes.note").contains("U+0007"))
                .anySatisfy(d -> assertThat(d).contains("attributes.note").contains("U+202E"));
    }

    // ---- delimited rows with the wrong number of fields --------------------------------------------

    static final String CSV_CONTRACT = """
            version: 1
            name: csv
            format: {type: delimited%s}
            mapping: {sensorId: sensor, metric: metric, value: value}
            timestamp: {fields: ts}
            """;

    @Test
    void aRowWithMoreOrFewerFieldsThanTheHeaderIsAMalformedRowNeverAShiftedReading() throws Exception {
        String csv = "sensor,ts,metric,value\n"
                + "s-1,2024-03-01T10:00:00Z,temperature,20.5\n"
                + "7,s-1,2024-03-01T10:01:00Z,temperature,21.5\n" // R's row name in front: would shift every column
                + "s-1,2024-03-01T10:02:00Z,temperature\n";
        ChunkStats s = run(utf8(csv), CSV_CONTRACT.formatted(""));
        assertThat(s.valid()).isEqualTo(1);
        assertThat(s.rejectedByReason()).isEqualTo(Map.of("malformed_row", 2L));
        List<Map<String, Object>> r = rejects();
        assertThat((String) r.get(0).get("detail")).contains("expected 4 fields from the header, found 5").contains("line 3");
        assertThat((String) r.get(1).get("detail")).contains("expected 4 fields from the header, found 3").contains("line 4");
    }

    @Test
    void aChunkThatDoesNotStartTheFileNamesTheRowByItsOffsetNotALineNumberItCannotKnow() throws Exception {
        String header = "sensor,ts,metric,value\n";
        String first = "s-1,2024-03-01T10:00:00Z,temperature,20.5\n";
        String bad = "7,s-1,2024-03-01T10:01:00Z,temperature,21.5\n";
        java.nio.file.Path f = dir.resolve("two-chunks.csv");
        java.nio.file.Files.writeString(f, header + first + bad);
        long size = java.nio.file.Files.size(f);
        long cut = header.length() + first.length() - 5;
        var second = new io.sensoretl.chunk.ChunkDescriptor("run-x", 1, "b", "k", "e", size, cut, size, "none", true, "2024-03-01");
        ChunkStats s = new ChunkTransformer(ContractLoader.parse(utf8(CSV_CONTRACT.formatted("")), "csv"))
                .transform(second, new FileByteSource(f), new TransformOutputs(new LocalObjectStore(dir), "r/", "j/"));
        assertThat(s.rejectedByReason()).isEqualTo(Map.of("malformed_row", 1L));
        assertThat((String) rejects().get(0).get("detail")).endsWith("found 5, at byte offset " + (header.length() + first.length()));
    }

    @Test
    void rowNamesReadsRsLeadingUnnamedColumnAndLinesTheHeaderUpWithTheFieldsAfterIt() throws Exception {
        // write.table(df, sep = ",") in R: the header names the data columns only, each row starts with its row name
        String csv = "\"sensor\",\"ts\",\"metric\",\"value\"\n"
                + "\"1\",\"s-1\",\"2024-03-01T10:00:00Z\",\"temperature\",20.5\n"
                + "\"2\",\"s-2\",\"2024-03-01T10:01:00Z\",\"temperature\",21.5\n"
                + "\"3\",\"s-3\",\"2024-03-01T10:02:00Z\",\"temperature\"\n";
        ChunkStats s = run(utf8(csv), CSV_CONTRACT.formatted(", rowNames: true"));
        assertThat(s.valid()).isEqualTo(2);
        assertThat(s.rejectedByReason()).isEqualTo(Map.of("malformed_row", 1L));
        assertThat((String) rejects().get(0).get("detail")).contains("expected 5 fields").contains("found 4");
        assertThat(WholeObject.readings(dir)).extracting(r -> r.get("sensor_id") + "=" + r.get("value"))
                .containsExactly("s-1=20.5", "s-2=21.5");
    }

    // ---- multilineFields -----------------------------------------------------------------------------

    @Test
    void quotedFieldsWithLineBreaksAreOneRecordEvenAcrossTheReadersBufferBoundaries() throws Exception {
        String contract = """
                version: 1
                name: notes
                format: {type: delimited, multilineFields: true}
                mapping: {sensorId: sensor, metric: metric, value: value, attributes: {note: note}}
                timestamp: {fields: ts, encoding: epoch_s}
                dedupe: {window: 0}
                """;
        StringBuilder csv = new StringBuilder("sensor,ts,metric,value,note\r\n");
        int n = 3000; // ~300 KB: many 64 KiB buffer refills land inside quoted line breaks
        for (int i = 0; i < n; i++) {
            String note = "\"line one of " + i + "\nline \"\"two\"\", with a comma\r\n" + "x".repeat(i % 97) + "\"";
            csv.append("s-").append(i % 7).append(',').append(1_709_280_000L + i).append(",temperature,")
                    .append(i % 50).append(',').append(note).append(i % 2 == 0 ? "\n" : "\r\n");
        }
        ChunkStats s = run(utf8(csv.toString()), contract);
        assertThat(s.rejectedByReason()).isEmpty();
        assertThat(s.sourceRecords()).isEqualTo(n);
        assertThat(s.valid()).isEqualTo(n);
        List<Map<String, Object>> readings = WholeObject.readings(dir);
        assertThat(readings.get(5).get("attributes").toString())
                .contains("line one of 5\nline \"two\", with a comma\r\n" + "x".repeat(5));
    }

    @Test
    void aQuotedHeaderNameWithALineBreakIsReadWhole() throws Exception {
        String contract = """
                version: 1
                name: notes
                format: {type: delimited, multilineFields: true}
                mapping: {sensorId: sensor, metric: metric, value: "value\\n(degC)"}
                timestamp: {fields: ts}
                """;
        String csv = "sensor,ts,metric,\"value\n(degC)\"\ns-1,2024-03-01T10:00:00Z,temperature,20.5\n";
        ChunkStats s = run(utf8(csv), contract);
        assertThat(s.valid()).isEqualTo(1);
        assertThat(s.rejected()).isZero();
    }

    @Test
    void aMultilineObjectIsPlannedAsOneChunkAndAByteRangeOfItIsRefused() throws Exception {
        Contract multiline = ContractLoader.parse(utf8(CSV_CONTRACT.formatted(", multilineFields: true")), "multiline");
        var object = new io.sensoretl.chunk.SourceObject(new io.sensoretl.chunk.SourceVersion("b", "k", "e"), 10L << 30, java.time.Instant.EPOCH,
                io.sensoretl.decode.Compression.NONE);
        assertThat(new io.sensoretl.chunk.ChunkPlanner(multiline.format(), 1 << 20).plan("run-x", List.of(object)))
                .singleElement().satisfies(c -> {
                    assertThat(c.splittable()).isFalse();
                    assertThat(c.end()).isEqualTo(10L << 30);
                });

        java.nio.file.Path f = dir.resolve("m.csv");
        java.nio.file.Files.writeString(f, "sensor,ts,metric,value\ns-1,2024-03-01T10:00:00Z,temperature,1\n");
        var range = new io.sensoretl.chunk.ChunkDescriptor("run-x", 1, "b", "k", "e", 60, 30, 60, "none", true, "2024-03-01");
        assertThatThrownBy(() -> new ChunkTransformer(multiline).transform(range, new FileByteSource(f),
                new TransformOutputs(new LocalObjectStore(dir), "r/", "j/")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multilineFields")
                .hasMessageContaining("cannot be cut at byte offsets");
    }

    // ---- gzip -----------------------------------------------------------------------------------------

    private static String records(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(GOOD.replace("10:00:00", String.format("10:%02d:%02d", (i / 60) % 60, i % 60))
                    .replace("s-1", "s-" + (i / 3600))).append('\n');
        }
        return sb.toString();
    }

    @Test
    void concatenatedGzipMembersAreOneStream() throws Exception {
        String all = records(3000);
        int cut = all.indexOf('\n', all.length() / 2) + 1;
        ChunkStats s = run(concat(gzip(utf8(all.substring(0, cut))), gzip(utf8(all.substring(cut)))));
        assertThat(s.valid()).isEqualTo(3000);
        assertThat(s.rejected()).isZero();
        assertThat(s.bytes()).isEqualTo(all.length());
    }

    @Test
    void bytesAfterTheLastGzipMemberAreTrailingGarbageCountedNotIgnored() throws Exception {
        byte[] member = gzip(utf8(records(1000)));
        byte[] garbage = utf8("this is not gzip data\n".repeat(10));
        ChunkStats s = run(concat(member, garbage));
        assertThat(s.valid()).isEqualTo(1000);
        assertThat(s.rejectedByReason()).isEqualTo(Map.of("trailing_garbage", 1L));
        String detail = (String) rejects().get(0).get("detail");
        assertThat(detail).contains(garbage.length + " bytes").contains("offset " + member.length);
    }

    @Test
    void aCorruptGzipMemberIsCorruptInputNotTruncatedInput() throws Exception {
        byte[] first = gzip(utf8(records(1000)));
        byte[] second = gzip(utf8(records(10)));
        second[10] = 0x07; // the first deflate block header: final block of the reserved type 3
        ChunkStats s = run(concat(first, second));
        assertThat(s.valid()).isEqualTo(1000);
        assertThat(s.rejectedByReason()).isEqualTo(Map.of("corrupt_input", 1L));
        assertThat((String) rejects().get(0).get("detail")).contains("member 2").contains("offset " + first.length);

        byte[] badCrc = gzip(utf8(records(10)));
        badCrc[badCrc.length - 8] ^= 0x55; // the CRC-32 in the member's trailer
        ChunkStats crc = run(badCrc);
        assertThat(crc.rejectedByReason()).isEqualTo(Map.of("corrupt_input", 1L));

        byte[] whole = gzip(utf8(records(3000)));
        ChunkStats truncated = run(java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThat(truncated.rejectedByReason()).isEqualTo(Map.of("truncated_input", 1L));
    }

    @Test
    void noRecordOfACorruptMemberIsCuratedEvenWhereItDecodedWithoutError() throws Exception {
        byte[] first = gzip(utf8(records(100)));
        String secondRecords = records(200).substring(records(100).length());
        byte[] second = gzipStored(utf8(secondRecords));
        int at = new String(second, StandardCharsets.ISO_8859_1).indexOf("20.5");
        second[at + 1] = '9'; // 29.5 degC: a plausible value, caught only by the member's CRC-32
        ChunkStats s = run(concat(first, second));
        assertThat(s.valid()).isEqualTo(100);
        assertThat(s.rejectedByReason()).isEqualTo(Map.of("corrupt_input", 1L));
        assertThat((String) rejects().get(0).get("detail")).contains("CRC-32").contains("member 2");
        assertThat(WholeObject.readings(dir)).extracting(r -> r.get("value")).containsOnly(20.5);
    }

    // ---- CR-only line ends ------------------------------------------------------------------------------

    @Test
    void crOnlyLineEndsAreNamedInsteadOfOneTooLongRecord() throws Exception {
        String contract = """
                version: 1
                name: mac
                format: {type: ndjson, maxRecordBytes: 4096}
                mapping: {sensorId: /device/id, metric: /metric, value: /value, unit: /unit}
                timestamp: {fields: /time}
                """;
        String big = records(200).replace('\n', '\r'); // ~25 KB, well over maxRecordBytes
        ChunkStats s = run(utf8(big), contract);
        assertThat(s.rejectedByReason()).isEqualTo(Map.of("cr_line_ends", 1L));
        assertThat((String) rejects().get(0).get("detail")).contains("CR").contains("line ends");

        ChunkStats small = run(utf8(records(3).replace('\n', '\r')), contract);
        assertThat(small.rejectedByReason()).isEqualTo(Map.of("cr_line_ends", 1L));
    }

    @Test
    void aDelimitedFileWithCrOnlyLineEndsFailsNamingTheFileOrRejectsEveryRow() {
        String csv = "sensor,ts,metric,value\rs-1,2024-03-01T10:00:00Z,temperature,20.5\rs-1,2024-03-01T10:01:00Z,temperature,21\r";
        assertThatThrownBy(() -> run(utf8(csv), CSV_CONTRACT.formatted("")))
                .hasMessageContaining("s3://b/k").hasMessageContaining("CR-only line ends");
    }

    @Test
    void aHeaderlessDelimitedFileWithCrOnlyLineEndsCuratesNothingWrong() throws Exception {
        String contract = """
                version: 1
                name: headerless
                format: {type: delimited, header: false}
                mapping: {sensorId: {column: 1}, metric: {column: 3}, value: {column: 4}}
                timestamp: {fields: {column: 2}, encoding: epoch_s}
                """;
        String csv = "s-1,1709287200,temperature,20.5,x\rs-2,1709287260,temperature,21,y\r";
        ChunkStats s = run(utf8(csv), contract);
        assertThat(s.valid()).isZero();
        assertThat(s.rejectedByReason()).isEqualTo(Map.of("cr_line_ends", 1L));
    }
}
