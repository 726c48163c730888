package io.sensoretl.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import io.sensoretl.contract.FieldRef;
import io.sensoretl.contract.Format;
import io.sensoretl.contract.FormatKind;
import io.sensoretl.validate.FixedWidthPattern;
import io.sensoretl.validate.Iso8601;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The byte scanners against the reference decoders, field by field: whenever a scanner accepts a
 * record, every field it reports is what the reference reads (numbers bit for bit); the scanners may
 * decline anything, but must accept the ordinary.
 */
class ByteScannersPropertyTest {
    private static final FieldRef VALUE = new FieldRef.Pointer(JsonPointer.compile("/value"));
    private static final FieldRef ID = new FieldRef.Pointer(JsonPointer.compile("/device/id"));

    /** A random number around the edges of double parsing, valid JSON or nearly. */
    static String number(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(4) == 0) {
            sb.append('-');
        }
        int digits = 1 + r.nextInt(r.nextBoolean() ? 8 : 22);
        int point = r.nextInt(digits + 2);
        for (int d = 0; d < digits; d++) {
            if (d == point) {
                sb.append('.');
            }
            sb.append((char) ('0' + r.nextInt(10)));
        }
        if (r.nextInt(4) == 0) {
            sb.append(r.nextBoolean() ? 'e' : 'E').append(r.nextInt(3) == 0 ? "-" : r.nextInt(3) == 0 ? "+" : "")
                    .append(r.nextInt(r.nextBoolean() ? 25 : 340));
        }
        return sb.toString();
    }

    @Test
    void jsonNumbersAreReadBitForBitAsJacksonReadsThem() throws Exception {
        JsonFieldPlan plan = JsonFieldPlan.of(List.of(JsonPointer.compile("/value")));
        JsonByteScanner scanner = new JsonByteScanner(plan);
        int slot = scanner.slot(JsonPointer.compile("/value"));
        scanner.numeric(slot, true);
        JsonLineDecoder reference = new JsonLineDecoder();
        SplittableRandom r = new SplittableRandom(17);
        int accepted = 0;
        for (int i = 0; i < 200_000; i++) {
            String n = i < 64 ? List.of("0", "-0", "-0.0", "0.0", "1e22", "1e23", "9007199254740993", "123456789012345",
                    "1234567890123456", "0.1", "4.9e-324", "1e-400", "1e400", "01", "1.", "-", "2.5E-3", "100").get(i % 18)
                    : number(r);
            byte[] line = ("{\"value\":" + n + "}").getBytes(StandardCharsets.UTF_8);
            if (!scanner.scan(line, line.length)) {
                continue;
            }
            accepted++;
            Double expected;
            try {
                expected = reference.decode(line, line.length).number(VALUE);
            } catch (FieldError e) {
                throw new AssertionError(n + ": the scanner accepted what the reference rejects: " + e.getMessage());
            }
            assertThat(scanner.kind(slot)).as(n).isEqualTo(ScannedFields.NUMBER);
            assertThat(Double.doubleToRawLongBits(scanner.number(slot))).as(n + " read as " + scanner.number(slot) + ", reference "
                    + expected).isEqualTo(Double.doubleToRawLongBits(expected));
        }
        assertThat(accepted).isGreaterThan(100_000);
    }

    @Test
    void delimitedNumbersAreReadBitForBitAsTheReferenceReadsThem() throws Exception {
        for (char decimal : new char[] {',', '.'}) {
            Format format = new Format(FormatKind.DELIMITED, ';', '"', false, decimal, false, 4096, 0, false);
            DelimitedByteScanner scanner = new DelimitedByteScanner(format, new int[] {1});
            scanner.numeric(0, true);
            SplittableRandom r = new SplittableRandom(23);
            int accepted = 0;
            for (int i = 0; i < 100_000; i++) {
                String n = number(r);
                if (r.nextBoolean()) {
                    n = n.replace('.', ',');
                }
                if (r.nextInt(10) == 0) {
                    n = (r.nextBoolean() ? "+" : " ") + n + (r.nextBoolean() ? " " : "");
                }
                byte[] line = ("x;" + n + ";y").getBytes(StandardCharsets.UTF_8);
                if (!scanner.scan(line, line.length)) {
                    continue;
                }
                accepted++;
                double expected;
                try {
                    expected = Numbers.parse(n.trim(), decimal, "column");
                } catch (FieldError e) {
                    throw new AssertionError(n + ": the scanner accepted what the reference rejects: " + e.getMessage());
                }
                assertThat(Double.doubleToRawLongBits(scanner.number(0))).as(n).isEqualTo(Double.doubleToRawLongBits(expected));
            }
            assertThat(accepted).isGreaterThan(30_000);
        }
    }

    /**
     * The scanner reads strings a word at a time, also past the record's end while its buffer has bytes:
     * what follows the record in the buffer (a quote, a backslash, a closing brace) must never change
     * whether a record is accepted or what a field holds, wherever the string's end falls in a word.
     */
    @Test
    void jsonScannerReadsOnlyTheRecordsBytesOfItsBuffer() throws Exception {
        JsonFieldPlan plan = JsonFieldPlan.of(List.of(JsonPointer.compile("/device/id"), JsonPointer.compile("/value")));
        JsonByteScanner scanner = new JsonByteScanner(plan);
        int id = scanner.slot(JsonPointer.compile("/device/id"));
        int value = scanner.slot(JsonPointer.compile("/value"));
        scanner.numeric(value, true);
        String[] specials = {"", "\"", "\\", "\u0001", "\u007f", "\u00e9", "x"};
        String[] after = {"", "\"", "\\", "\"}", "}", "\n{\"device\":{\"id\":\"z\"}}"};
        for (int n = 0; n <= 19; n++) {
            for (int at = 0; at <= n; at++) {
                for (String special : specials) {
                    String text = "a".repeat(at) + special + "b".repeat(n - at);
                    for (boolean closed : new boolean[] {true, false}) {
                        String record = closed ? "{\"value\":2,\"device\":{\"id\":\"" + text + "\"}}"
                                : "{\"value\":2,\"device\":{\"id\":\"" + text;
                        byte[] exact = record.getBytes(StandardCharsets.UTF_8);
                        boolean accepted = scanner.scan(exact, exact.length);
                        String expected = accepted && scanner.kind(id) == ScannedFields.TEXT
                                ? new String(exact, scanner.start(id), scanner.end(id) - scanner.start(id), StandardCharsets.UTF_8) : null;
                        for (String tail : after) {
                            byte[] buffer = (record + tail + "        ").getBytes(StandardCharsets.UTF_8);
                            assertThat(scanner.scan(buffer, exact.length)).as("%s followed by %s", record, tail).isEqualTo(accepted);
                            if (accepted) {
                                String actual = scanner.kind(id) == ScannedFields.TEXT
                                        ? new String(buffer, scanner.start(id), scanner.end(id) - scanner.start(id), StandardCharsets.UTF_8)
                                        : null;
                                assertThat(actual).as(record).isEqualTo(expected);
                            }
                        }
                        assertThat(accepted).as(record).isEqualTo(closed && (special.isEmpty() || special.equals("x")));
                    }
                }
            }
        }
    }

    @Test
    void jsonTextFieldsAreTheReferencesAndOddRecordsAreDeclined() throws Exception {
        JsonFieldPlan plan = JsonFieldPlan.of(List.of(JsonPointer.compile("/device/id"), JsonPointer.compile("/value")));
        JsonByteScanner scanner = new JsonByteScanner(plan);
        int id = scanner.slot(JsonPointer.compile("/device/id"));
        int value = scanner.slot(JsonPointer.compile("/value"));
        scanner.numeric(value, true);
        JsonLineDecoder reference = new JsonLineDecoder();
        String[] ids = {"\"s-1\"", "\"\"", "\"  \"", "\" s \"", "null", "7", "\"\\u0041\"", "\"caf\u00e9\"", "true", "{}", "[\"a\"]"};
        String[] tails = {"", ",\"x\":1", ",\"x\":{\"y\":[1,{\"z\":null}]}", ",\"value\":2", ",\"x\":1,\"x\":2", ",\"x\":tru", ",\"x\":\"a\\\"b\""};
        for (String i : ids) {
            for (String t : tails) {
                for (String device : new String[] {"{\"id\":" + i + "}", "{\"id\":" + i + ",\"id\":\"b\"}", "\"flat\"", "[1]"}) {
                    byte[] line = ("{\"device\":" + device + ",\"value\":1.5" + t + "}").getBytes(StandardCharsets.UTF_8);
                    String text = new String(line, StandardCharsets.UTF_8);
                    RecordView view;
                    try {
                        view = reference.decode(line, line.length);
                    } catch (FieldError e) {
                        assertThat(scanner.scan(line, line.length)).as(text + " is rejected by the reference").isFalse();
                        continue;
                    }
                    if (!scanner.scan(line, line.length)) {
                        continue;
                    }
                    String expected;
                    try {
                        expected = view.string(ID);
                    } catch (FieldError e) {
                        throw new AssertionError(text + ": accepted a record whose id the reference cannot read");
                    }
                    String actual = scanner.kind(id) == ScannedFields.TEXT
                            ? new String(line, scanner.start(id), scanner.end(id) - scanner.start(id), StandardCharsets.UTF_8) : null;
                    assertThat(actual).as(text).isEqualTo(expected);
                    assertThat(scanner.number(value)).as(text).isEqualTo(view.number(VALUE));
                }
            }
        }
        byte[] ordinary = "{\"device\":{\"id\":\"s-1\",\"fw\":\"1\"},\"value\":21.5,\"other\":[true,false,null]}".getBytes(StandardCharsets.UTF_8);
        assertThat(scanner.scan(ordinary, ordinary.length)).isTrue();
    }

    /**
     * The scanner tries, at each key, the name that followed the previous key in the records before: keys
     * in any order, names that are prefixes of others or of the key ("valu", "value", "values"), whitespace
     * around the colon, duplicates and a name no raw key can be (a quote in it) must read exactly as the
     * reference reads them, whatever order the scanner learned from the records before.
     */
    @Test
    void jsonKeysInAnyOrderReadAsTheReferenceReadsThem() throws Exception {
        List<String> pointers = List.of("/device/id", "/device/fw", "/value", "/valu", "/time", "/location/lat",
                "/location/lon", "/a\"b", "/longer_than_fourteen");
        JsonFieldPlan plan = JsonFieldPlan.of(pointers.stream().map(JsonPointer::compile).toList());
        JsonByteScanner scanner = new JsonByteScanner(plan);
        int[] slots = pointers.stream().mapToInt(p -> scanner.slot(JsonPointer.compile(p))).toArray();
        boolean[] numeric = {false, false, true, true, false, true, true, false, false};
        for (int i = 0; i < slots.length; i++) {
            scanner.numeric(slots[i], numeric[i]);
        }
        JsonLineDecoder reference = new JsonLineDecoder();
        String[] rootKeys = {"device", "value", "valu", "values", "val", "time", "location", "x", "a\\\"b", "a\"b", "a",
            "longer_than_fourteen", "longer_than_fourteen_", "timex"};
        String[] values = {"1.5", "-2", "\"t\"", "\"2024-03-01T00:00:00Z\"", "null", "\"\"", "true", "[1,2]", "{}", "\"3.25\"",
            "{\"id\":\"s-1\",\"fw\":\"2.3\"}", "{\"fw\":\"2.3\",\"id\":\"s-2\"}", "{\"lat\":45.5,\"lon\":9.25}",
            "{\"lon\":9.25,\"lat\":45.5,\"lat\":1}", "{\"idx\":\"a\",\"id\" :\"b\"}", "{\"i\":1,\"id\":\"c\"}"};
        String[] colons = {":", ":", ":", " :", ": ", "\t:\t"};
        SplittableRandom r = new SplittableRandom(41);
        int accepted = 0;
        for (int n = 0; n < 60_000; n++) {
            StringBuilder sb = new StringBuilder("{");
            int keys = r.nextInt(8);
            // mostly one order (as a dump repeats it), sometimes shuffled
            boolean usual = r.nextInt(4) != 0;
            for (int k = 0; k < keys; k++) {
                if (k > 0) {
                    sb.append(r.nextInt(20) == 0 ? " , " : ",");
                }
                String key = usual ? rootKeys[k] : rootKeys[r.nextInt(rootKeys.length)];
                sb.append('"').append(key).append('"').append(colons[r.nextInt(colons.length)])
                        .append(values[r.nextInt(values.length)]);
            }
            sb.append('}');
            byte[] line = sb.toString().getBytes(StandardCharsets.UTF_8);
            RecordView view;
            try {
                view = reference.decode(line, line.length);
            } catch (FieldError e) {
                assertThat(scanner.scan(line, line.length)).as(sb + " is rejected by the reference").isFalse();
                continue;
            }
            if (!scanner.scan(line, line.length)) {
                continue;
            }
            accepted++;
            for (int i = 0; i < slots.length; i++) {
                FieldRef ref = new FieldRef.Pointer(JsonPointer.compile(pointers.get(i)));
                assertField(sb.toString(), scanner, slots[i], numeric[i], view, ref);
            }
        }
        assertThat(accepted).isGreaterThan(5_000);
    }

    private static void assertField(String record, JsonByteScanner scanner, int slot, boolean numeric, RecordView view,
            FieldRef ref) {
        byte kind = scanner.kind(slot);
        String text = kind == ScannedFields.ABSENT ? null : new String(scanner.bytes(), scanner.start(slot),
                scanner.end(slot) - scanner.start(slot), StandardCharsets.UTF_8);
        String what = record + " at " + ref.describe();
        if (!numeric) {
            String expected;
            try {
                expected = view.string(ref);
            } catch (FieldError e) {
                throw new AssertionError(what + ": accepted a record whose text field the reference cannot read");
            }
            assertThat(kind == ScannedFields.TEXT ? text : null).as(what).isEqualTo(expected);
            return;
        }
        Object expected;
        try {
            Double d = view.number(ref);
            expected = d == null ? null : Double.doubleToRawLongBits(d);
        } catch (FieldError e) {
            expected = e.getMessage();
        }
        Object actual;
        switch (kind) {
            case ScannedFields.ABSENT -> actual = null;
            case ScannedFields.NUMBER -> actual = Double.doubleToRawLongBits(scanner.number(slot));
            case ScannedFields.QUOTED -> {
                Object parsed;
                try {
                    parsed = Double.doubleToRawLongBits(Numbers.parse(text, '.', ref.describe()));
                } catch (FieldError e) {
                    parsed = e.getMessage();
                }
                actual = parsed;
            }
            default -> actual = expected instanceof String ? expected : "the reference reads a number"; // NaN, booleans
        }
        assertThat(actual).as(what).isEqualTo(expected);
    }

    @Test
    void fixedWidthPatternsReadWhatDateTimeFormatterReads() {
        SplittableRandom r = new SplittableRandom(5);
        String[] patterns = {"dd/MM/yyyy HH.mm.ss", "yyyy-MM-dd'T'HH:mm:ss.SSS", "yyyyMMddHHmm", "uuuu/MM/dd HH:mm:ss.SSSSSS"};
        ZoneId[] zones = {ZoneId.of("+01:00"), ZoneId.of("Europe/Rome"), ZoneId.of("America/New_York")};
        for (String p : patterns) {
            FixedWidthPattern fast = FixedWidthPattern.compile(p);
            assertThat(fast).as(p).isNotNull();
            DateTimeFormatter f = DateTimeFormatter.ofPattern(p, Locale.ROOT);
            int accepted = 0;
            for (int i = 0; i < 20_000; i++) {
                LocalDateTime t = LocalDateTime.of(1960 + r.nextInt(300), 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(24),
                        r.nextInt(60), r.nextInt(60), r.nextInt(1_000_000_000));
                String text = f.format(t);
                if (r.nextInt(4) == 0) { // an impossible or odd value in some field
                    char[] c = text.toCharArray();
                    c[r.nextInt(c.length)] = (char) ('0' + r.nextInt(10) + (r.nextInt(10) == 0 ? 20 : 0));
                    text = new String(c);
                }
                ZoneId zone = zones[r.nextInt(zones.length)];
                byte[] b = text.getBytes(StandardCharsets.UTF_8);
                long micros = fast.parseMicros(b, 0, b.length, zone);
                if (micros == Iso8601.UNPARSED) {
                    continue;
                }
                accepted++;
                long expected;
                try {
                    var instant = LocalDateTime.from(f.parse(text)).atZone(zone).toInstant();
                    expected = instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
                } catch (DateTimeException e) {
                    throw new AssertionError(text + " (" + p + "): parsed " + micros + " where java.time fails: " + e.getMessage());
                }
                assertThat(micros).as(text + " (" + p + ", " + zone + ")").isEqualTo(expected);
            }
            assertThat(accepted).as(p).isGreaterThan(10_000);
        }
        for (String unsupported : new String[] {"d/M/yyyy H:mm", "yy-MM-dd HH:mm", "yyyy-MM-dd hh:mm a", "yyyy-MM-dd", "[yyyy]MM-dd HH:mm",
            "yyyy-MM-dd HH:mm XXX", "dd MMM yyyy HH:mm", "yyyy-MM-dd''HH:mm"}) {
            assertThat(FixedWidthPattern.compile(unsupported)).as(unsupported).isNull();
        }
    }
}
