package io.sensoretl.transform;

import static io.sensoretl.testing.TestBytes.concat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random records that probe the edges of decoding: JSON of every shape around the default contract's
 * fields (escapes, unicode, invalid UTF-8, numbers at the edges of double parsing, timestamps with
 * offsets, fractions and impossible dates, duplicate keys, wrong types, junk), and delimited rows in the
 * UCI Air Quality shape with the same kind of trouble. Deterministic per seed.
 */
final class RandomDumps {
    private RandomDumps() {}

    static final String[] SENSOR_IDS = {"sensor-0001", "sensor-0002", "sensor-0003", "  sensor-0001 ", "", "   ",
        "s\u00e9nsor", "esc\\\"aped", "x".repeat(300), "tab\\tinside", "s\\u0031", "\u202Eevil", "sensor-0004"};
    static final String[] TIMES = {"2024-03-01T10:15:30Z", "2024-03-01T10:15:30.5Z", "2024-03-01T10:15:30.123456789Z",
        "2024-03-01T10:15:30.1234567891234Z", "2024-03-01T10:15:30+01:00", "2024-03-01T10:15:30-0530", "2024-03-01T10:15:30+14",
        "2024-03-01 10:15:30Z", "2024-03-01T10:15:30", "2024-03-01T10:15Z", "2024-02-29T23:59:59Z", "2023-02-29T00:00:00Z",
        "2024-03-01T24:00:00Z", " 2024-03-01T10:15:30Z ", "2024-03-01T10:15:30z", "yesterday", "1969-12-31T23:59:59Z",
        "2200-01-01T00:00:00Z", "2199-12-31T23:59:59.999999Z", "2024-03-01T10:15:30+01:00[Europe/Paris]", "2024-03-01T10:15:30,25Z",
        "2024-03-31T02:30:00", "2024-10-27T02:30:00", "2024-03-01T10:15:30+19:00", "2024-03-01T10:15:30.Z", "2024-13-01T00:00:00Z",
        "0001-01-01T00:00:00Z", "2024-03-01T10:15:60Z", "2024-03-01T10:15:30.000001+00:00"};
    static final String[] METRICS = {"temperature", "humidity", "pressure", "co2", "pm25", " temperature ", "vibration", "",
        "TEMPERATURE", "temp\\u0065rature"};
    static final String[] UNITS = {"degC", "degF", "K", "%", "hPa", "kPa", "ppm", "ug/m3", "furlong", " degC", "", "  "};
    static final String[] NUMBERS = {"21.5", "0", "-0", "-0.0", "0.0", "1e22", "1e23", "1E2", "1.0E9", "0.1", "12", "-12",
        "123456789012345678", "1234567890123456789", "9007199254740993", "1.7976931348623157e308", "1e309", "4.9e-324",
        "2.2250738585072014E-308", "123456789012345.6", "12345678901234.56", "0.30000000000000004", "21.299999999999997",
        "-9999", "-9999.0", "-9999.00", "\"12.5\"", "\"\"", "\"  \"", "\"n/a\"", "NaN", "Infinity", "-Infinity", "true",
        "null", "[1]", "{\"a\":1}", "01", "1.", ".5", "+1", "-", "1e", "1e+", "1.5e-3", "85", "85.0000000000001", "-60",
        "100.00", "1000000000000000000000", "0.000000000000000000000000001", "5e-324", "1e-400", "12.50", "99.99"};

    static byte[] ndjson(long seed, int lines) {
        SplittableRandom r = new SplittableRandom(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<byte[]> recent = new ArrayList<>();
        if (r.nextInt(4) == 0) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        for (int i = 0; i < lines; i++) {
            byte[] line;
            int pick = r.nextInt(100);
            if (pick < 4 && !recent.isEmpty()) {
                line = recent.get(r.nextInt(recent.size())); // a re-sent message
            } else if (pick < 6) {
                line = r.nextBoolean() ? new byte[0] : " \t ".getBytes(StandardCharsets.US_ASCII);
            } else {
                line = corrupt(r, jsonRecord(r, i).getBytes(StandardCharsets.UTF_8));
            }
            out.writeBytes(line);
            out.writeBytes(r.nextInt(10) == 0 ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
            if (line.length > 0) {
                recent.add(line);
                if (recent.size() > 50) {
                    recent.remove(0);
                }
            }
        }
        return out.toByteArray();
    }

    private static String pick(SplittableRandom r, String[] from) {
        return from[r.nextInt(from.length)];
    }

    private static String ws(SplittableRandom r) {
        return switch (r.nextInt(12)) {
            case 0 -> " ";
            case 1 -> "\t";
            case 2 -> "  \t";
            default -> "";
        };
    }

    /** A random number in JSON's grammar around the edges of double parsing: 1 to 20 digits, any point, any exponent. */
    static String randomNumber(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(4) == 0) {
            sb.append('-');
        }
        int digits = 1 + r.nextInt(r.nextBoolean() ? 6 : 20);
        int point = r.nextInt(digits + 1);
        for (int d = 0; d < digits; d++) {
            if (d == point && d > 0) {
                sb.append('.');
            }
            sb.append(d == 0 && digits > 1 && point != 1 ? (char) ('1' + r.nextInt(9)) : (char) ('0' + r.nextInt(10)));
        }
        if (r.nextInt(5) == 0) {
            sb.append(r.nextBoolean() ? 'e' : 'E').append(r.nextInt(3) == 0 ? "-" : r.nextInt(3) == 0 ? "+" : "")
                    .append(r.nextInt(r.nextBoolean() ? 30 : 330));
        }
        return sb.toString();
    }

    static String jsonRecord(SplittableRandom r, int i) {
        List<String> fields = new ArrayList<>();
        // every field valid, then a few of them (often just one) perturbed: most lines are then readings or
        // one-reason rejects, so each odd value is exercised on both paths
        boolean[] odd = new boolean[8];
        int perturb = r.nextInt(10) < 4 ? 0 : 1 + r.nextInt(r.nextInt(4) == 0 ? 7 : 1);
        for (int k = 0; k < perturb; k++) {
            odd[r.nextInt(odd.length)] = true;
        }
        boolean typical = !odd[7];
        String sensor = !odd[0] ? "sensor-000" + r.nextInt(5) : pick(r, SENSOR_IDS);
        String time = !odd[1] ? String.format("2024-03-0%dT%02d:%02d:%02d.%03dZ", 1 + r.nextInt(3), r.nextInt(24), r.nextInt(60),
                r.nextInt(60), r.nextInt(1000)) : pick(r, TIMES);
        String metric = !odd[2] ? pick(r, new String[] {"temperature", "humidity", "pressure", "co2", "pm25"}) : pick(r, METRICS);
        String value = !odd[3] ? String.valueOf(Math.round(r.nextDouble() * 10000) / 100.0)
                : r.nextBoolean() ? pick(r, NUMBERS) : randomNumber(r);
        String unit = !odd[4] ? switch (metric.trim()) {
            case "temperature" -> pick(r, new String[] {"degC", "degF", "K"});
            case "humidity" -> "%";
            case "pressure" -> pick(r, new String[] {"hPa", "kPa"});
            case "co2" -> "ppm";
            default -> "ug/m3";
        } : pick(r, UNITS);
        if (r.nextInt(20) > 0) {
            String device = switch (r.nextInt(typical ? 40 : 12)) {
                case 0 -> "\"flat\"";
                case 1 -> "null";
                case 2 -> "[\"a\"]";
                case 3 -> "{\"fw\":\"2.1\"}";
                case 4 -> "{\"id\":" + r.nextInt(1000) + "}";
                case 5 -> "{\"id\":null,\"fw\":\"1\"}";
                case 6 -> "{\"id\":\"a\",\"id\":\"b\"}";
                default -> "{" + ws(r) + "\"id\"" + ws(r) + ":" + ws(r) + "\"" + sensor + "\"" + ws(r) + ",\"fw\":\"2." + r.nextInt(4)
                        + ".1\"" + (r.nextInt(8) == 0 ? ",\"extra\":{\"deep\":[1,2,{\"x\":\"y\"}]}" : "") + "}";
            };
            fields.add("\"device\":" + ws(r) + device);
        }
        if (r.nextInt(30) > 0) {
            fields.add("\"time\":\"" + time + "\"");
        } else if (r.nextBoolean()) {
            fields.add("\"time\":" + (r.nextBoolean() ? "null" : "1709287200"));
        }
        if (r.nextInt(30) > 0) {
            fields.add("\"metric\":" + (r.nextInt(40) == 0 ? "42" : "\"" + metric + "\""));
        }
        if (r.nextInt(30) > 0) {
            fields.add("\"value\":" + ws(r) + value);
        }
        if (r.nextInt(15) > 0) {
            fields.add("\"unit\":" + (r.nextInt(40) == 0 ? "null" : "\"" + unit + "\""));
        }
        if (r.nextInt(10) > 0) {
            String lat = !odd[5] ? "45." + r.nextInt(1000) : pick(r, new String[] {"45.1", "-90", "90.0", "90.5", "-91", "\"45\"",
                "null", "0", "-0.0", "1e2", "45.123456789012345678", randomNumber(r)});
            String lon = !odd[6] ? "9.19" : pick(r, new String[] {"9.19", "180", "-180.0", "180.1", "null", "true", "-0", randomNumber(r)});
            fields.add("\"location\":" + (r.nextInt(30) == 0 ? "[1,2]" : "{\"lat\":" + lat + ",\"lon\":" + lon + "}"));
        }
        if (r.nextInt(3) > 0) {
            String site = switch (r.nextInt(typical ? 30 : 8)) {
                case 0 -> "\"caf\u00e9\"";
                case 1 -> "\"new\\nline\"";
                case 2 -> "7";
                case 3 -> "\"\"";
                case 4 -> "{\"a\":1}";
                case 5 -> "true";
                default -> "\"plant-" + r.nextInt(9) + "\"";
            };
            fields.add("\"site\":" + site);
        }
        int extras = r.nextInt(typical ? 2 : 4);
        for (int k = 0; k < extras; k++) {
            fields.add(switch (r.nextInt(10)) {
                case 0 -> "\"note\":\"with \\\"escapes\\\" and \\u00e9\"";
                case 1 -> "\"raw\":\"r\u00e4w \u00fcnicode \uD83D\uDE00\"";
                case 2 -> "\"n\":[1,-2.5e3,true,false,null,{\"k\":[]},\"s\"]";
                case 3 -> r.nextBoolean() ? "\"big\":1e400" : "\"nan\":" + pick(r, new String[] {"NaN", "Infinity", "-Infinity", "-Inf", "NaNx"});
                case 4 -> "\"nested\":{\"a\":{\"b\":{\"c\":{\"d\":[[[[1]]]]}}}}";
                case 5 -> "\"dup\":1,\"dup\":2";
                case 6 -> "\"skip\":{\"x\":1,\"x\":2}";
                case 7 -> "\"empty\":{}";
                case 8 -> "\"arr\":[]";
                default -> "\"seq\":" + i;
            });
        }
        shuffle(r, fields);
        StringBuilder sb = new StringBuilder("{").append(ws(r));
        for (int k = 0; k < fields.size(); k++) {
            if (k > 0) {
                sb.append(ws(r)).append(',').append(ws(r));
            }
            sb.append(fields.get(k));
        }
        sb.append(ws(r)).append('}');
        return sb.toString();
    }

    /** Occasionally breaks a record's syntax or encoding. */
    private static byte[] corrupt(SplittableRandom r, byte[] line) {
        int kind = r.nextInt(60);
        switch (kind) {
            case 0 -> {
                return java.util.Arrays.copyOf(line, r.nextInt(line.length)); // cut short
            }
            case 1 -> {
                byte[] b = line.clone();
                b[r.nextInt(b.length)] = (byte) (0x80 + r.nextInt(0x80)); // a stray continuation or lead byte
                return b;
            }
            case 2 -> {
                return concat(line, " trailing".getBytes(StandardCharsets.US_ASCII));
            }
            case 3 -> {
                byte[] b = line.clone();
                b[r.nextInt(b.length)] = (byte) r.nextInt(0x20); // a control character
                return b;
            }
            case 4 -> {
                // an overlong encoding of '/' (C0 AF) inside a string value
                String s = new String(line, StandardCharsets.UTF_8);
                int at = s.indexOf("plant-");
                if (at >= 0) {
                    byte[] head = s.substring(0, at).getBytes(StandardCharsets.UTF_8);
                    byte[] tail = s.substring(at).getBytes(StandardCharsets.UTF_8);
                    return concat(concat(head, new byte[] {(byte) 0xC0, (byte) 0xAF}), tail);
                }
                return line;
            }
            case 5 -> {
                return concat(line, ",".getBytes(StandardCharsets.US_ASCII));
            }
            case 6 -> {
                byte[] b = line.clone();
                b[r.nextInt(b.length)] = 0x7F;
                return b;
            }
            case 7 -> {
                return ("[" + new String(line, StandardCharsets.UTF_8) + "]").getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                return line;
            }
        }
    }

    private static <T> void shuffle(SplittableRandom r, List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    static final String UCI_HEADER = "Date;Time;CO(GT);PT08.S1(CO);NMHC(GT);C6H6(GT);PT08.S2(NMHC);NOx(GT);PT08.S3(NOx);NO2(GT);"
            + "PT08.S4(NO2);PT08.S5(O3);T;RH;AH;;,,,,,";
    static final String[] CSV_VALUES = {"2,6", "1360", "-200", "-200,0", "", " 3,5 ", "1.5", "1,2,3", "abc", "1e3", "+4", "-0",
        "NaN", "Inf", "2,6\u00e9", "\"2,6\"", "0,12345678901234567", "13,6", "48,9", "0,7578", "  ", "5000", "5000,1", "-0,0",
        ",5", "5,", "1E-2", "4095", "4096", "9999999999999999999", "0,1"};

    /** A UCI Air Quality-shaped CSV (the header, then rows), with trouble of every kind in some rows. */
    static byte[] uciCsv(long seed, int rows) {
        return uciCsv(seed, rows, ',');
    }

    /** As {@link #uciCsv(long, int)}, with values written with {@code decimal} as the decimal separator. */
    static byte[] uciCsv(long seed, int rows, char decimal) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder(UCI_HEADER).append("\r\n");
        List<String> recent = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int day = 1 + (i / 24) % 28;
            int hour = i % 24;
            boolean typical = r.nextInt(4) > 0;
            String line;
            if (r.nextInt(60) == 0 && !recent.isEmpty()) {
                line = recent.get(r.nextInt(recent.size()));
            } else if (r.nextInt(80) == 0) {
                line = ";;;;;;;;;;;;;;;;";
            } else {
                String date = typical || r.nextInt(3) > 0 ? String.format("%02d/%02d/2004", day, 3 + (i / 672) % 9)
                        : pick(r, new String[] {"31/04/2004", "29/02/2005", "29/02/2004", "1/3/2004", "", "10/03/04", "10-03-2004",
                            "00/03/2004", "10/13/2004", "10/03/20041", "31/12/2004", "10/03/0000"});
                String time = typical || r.nextBoolean() ? String.format("%02d.00.00", hour) : pick(r, new String[] {"24.00.00",
                    "18.00", "18.60.00", " 18.00.00 ", "", "18:00:00", "23.59.59"});
                StringBuilder row = new StringBuilder(date).append(';').append(time);
                int columns = typical || r.nextBoolean() ? 13 : 10 + r.nextInt(6);
                for (int c = 0; c < columns; c++) {
                    String v = r.nextInt(typical ? 25 : 3) > 0
                            ? (r.nextInt(10) == 0 ? "-200" : String.valueOf(r.nextInt(400)) + decimal + r.nextInt(10))
                            : r.nextBoolean() ? pick(r, CSV_VALUES) : randomNumber(r).replace('.', r.nextBoolean() ? ',' : '.');
                    row.append(';').append(v);
                }
                row.append(pick(r, new String[] {";;", ";;,", "", ";;;;,,,,,", ";"}));
                line = row.toString();
                if (r.nextInt(100) == 0) {
                    line = line.replace(';', '\t');
                }
            }
            sb.append(line).append(r.nextInt(20) == 0 ? "\n" : "\r\n");
            recent.add(line);
            if (recent.size() > 30) {
                recent.remove(0);
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
