package io.sensoretl.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Writes realistic NDJSON sensor dumps in the default contract's shape, any size, reproducibly from a
 * seed. A share of the records is bad, spread over every {@link BadKind}; the {@link GeneratorTruth}
 * returned says exactly what a correct pipeline must make of the dump.
 */
public final class DumpGenerator {
    private static final Metric[] METRICS = {
        new Metric("temperature", "degC", 21, 6, -60, 85, new String[] {"degF", "K"}),
        new Metric("humidity", "%", 55, 15, 0, 100, new String[0]),
        new Metric("pressure", "hPa", 1013, 8, 870, 1085, new String[] {"kPa"}),
        new Metric("co2", "ppm", 600, 150, 0, 10000, new String[0]),
        new Metric("pm25", "ug/m3", 12, 5, 0, 1000, new String[0]),
    };
    private static final long START_MICROS = Instant.parse("2024-03-01T00:00:00Z").getEpochSecond() * 1_000_000L;
    /** One reading every 250 ms across all sensors: ~345k readings a day, so large dumps span days. */
    private static final long STEP_MICROS = 250_000L;

    /** A valid record as the pipeline must curate it: trimmed sensor id, value in the canonical unit. */
    public record GeneratedReading(String sensorId, long tsMicros, String metric, double value, String unit) {}

    private final long startMicros;
    private final long stepMicros;
    private Consumer<GeneratedReading> onValid = r -> {};

    private final long seed;
    private final double badShare;
    private final int sensors;
    private final SplittableRandom random;
    private final int totalWeight;
    private final ArrayDeque<byte[]> recentValid = new ArrayDeque<>();
    private final StringBuilder sb = new StringBuilder(512);
    private final IsoTimes times = new IsoTimes();
    /** Per sensor number: its id, the JSON before the time and after the unit, unpadded and padded. */
    private final SensorText[] sensorText;
    private final long[] validPerSensor;
    private long partitionDay = Long.MIN_VALUE;
    private double[] partition;
    private boolean listening;

    private long records;
    private long bytes;
    private long valid;
    private final Map<String, Long> rejected = new TreeMap<>();
    private final Map<String, double[]> partitions = new TreeMap<>();

    public DumpGenerator(long seed, double badShare, int sensors) {
        this(seed, badShare, sensors, START_MICROS, STEP_MICROS);
    }

    /**
     * @param start first record's time
     * @param step  time between successive records (across all sensors); a longer step spreads a small
     *              dump over several days
     */
    public DumpGenerator(long seed, double badShare, int sensors, Instant start, java.time.Duration step) {
        this(seed, badShare, sensors, start.getEpochSecond() * 1_000_000L + start.getNano() / 1_000,
                step.toNanos() / 1_000);
    }

    private DumpGenerator(long seed, double badShare, int sensors, long startMicros, long stepMicros) {
        if (stepMicros <= 0) {
            throw new IllegalArgumentException("the step between records must be positive, got " + stepMicros + " us");
        }
        this.startMicros = startMicros;
        this.stepMicros = stepMicros;
        if (badShare < 0 || badShare > 1) {
            throw new IllegalArgumentException("--bad-share must be between 0 and 1, got " + badShare);
        }
        if (sensors < 1) {
            throw new IllegalArgumentException("need at least one sensor, got " + sensors);
        }
        this.seed = seed;
        this.badShare = badShare;
        this.sensors = sensors;
        this.random = new SplittableRandom(seed);
        int w = 0;
        for (BadKind k : BadKind.values()) {
            w += k.weight;
        }
        this.totalWeight = w;
        this.sensorText = new SensorText[sensors];
        this.validPerSensor = new long[sensors];
    }

    public DumpGenerator(long seed, double badShare) {
        this(seed, badShare, 500);
    }

    /** Tells {@code listener} about every valid record as it is written (tests recompute answers from them). */
    public DumpGenerator onValid(Consumer<GeneratedReading> listener) {
        this.onValid = listener;
        this.listening = true;
        return this;
    }

    /** Writes exactly {@code count} records. */
    public GeneratorTruth writeRecords(OutputStream out, long count) throws IOException {
        for (long i = 0; i < count; i++) {
            writeOne(out);
        }
        return truth();
    }

    /** Writes records until at least {@code targetBytes} have been written. */
    public GeneratorTruth writeBytes(OutputStream out, long targetBytes) throws IOException {
        while (bytes < targetBytes) {
            writeOne(out);
        }
        return truth();
    }

    private void writeOne(OutputStream out) throws IOException {
        long index = records++;
        long ts = startMicros + index * stepMicros;
        byte[] line;
        if (badShare > 0 && random.nextDouble() < badShare && (line = bad(index, ts)) != null) {
            // counted by bad()
        } else {
            line = validRecord(index, ts);
        }
        out.write(line);
        out.write('\n');
        bytes += line.length + 1;
    }

    private byte[] validRecord(long index, long ts) {
        Metric m = METRICS[(int) (index % METRICS.length)];
        int sensorNumber = sensorNumber(index);
        String sensor = sensorId(index);
        // kept a little inside the valid range so unit round-trips cannot push it out
        double canonical = round2(Math.max(m.min + 1, Math.min(m.max - 1, m.mean + random.nextGaussian() * m.spread)));
        String unit = m.unit;
        double written = canonical;
        if (m.alternatives.length > 0 && random.nextInt(10) == 0) {
            unit = m.alternatives[random.nextInt(m.alternatives.length)];
            written = switch (unit) {
                case "degF" -> round2(canonical * 9 / 5 + 32);
                case "K" -> round2(canonical + 273.15);
                case "kPa" -> round2(canonical / 10);
                default -> canonical;
            };
            canonical = convert(unit, written);
        }
        boolean padded = random.nextInt(50) == 0;
        boolean withOffset = random.nextInt(4) == 0;
        // the same text as record(...) writes, from per-sensor pieces (the slow part was building them per record)
        SensorText text = sensorText(sensorNumber);
        sb.setLength(0);
        sb.append(padded ? text.paddedHead : text.head);
        if (withOffset) {
            times.appendPlusOneHour(sb, ts);
        } else {
            times.appendUtc(sb, ts);
        }
        sb.append("\",\"metric\":\"").append(m.name).append("\",\"value\":").append(written)
                .append(",\"unit\":\"").append(unit).append('"')
                .append(padded ? text.paddedTail : text.tail);
        byte[] line = sb.toString().getBytes(StandardCharsets.UTF_8);
        valid++;
        if (listening) {
            onValid.accept(new GeneratedReading(sensor, ts, m.name, canonical, m.unit));
        }
        validPerSensor[sensorNumber]++;
        long day = Math.floorDiv(ts, 86_400_000_000L);
        if (day != partitionDay) {
            partitionDay = day;
            partition = partitions.computeIfAbsent("dt=" + LocalDate.ofEpochDay(day), k -> new double[2]);
        }
        double[] p = partition;
        p[0]++;
        p[1] += canonical;
        recentValid.addLast(line);
        if (recentValid.size() > 64) {
            recentValid.removeFirst();
        }
        return line;
    }

    /** The conversion the default contract declares, applied the same way the pipeline does. */
    private static double convert(String unit, double v) {
        return switch (unit) {
            case "degF" -> v * 0.5555555555555556 + -17.77777777777778;
            case "K" -> v * 1 + -273.15;
            case "kPa" -> v * 10 + 0;
            default -> v;
        };
    }

    private byte[] bad(long index, long ts) {
        BadKind kind = pickKind();
        if (kind == BadKind.DUPLICATE && recentValid.isEmpty()) {
            return null;
        }
        Metric m = METRICS[(int) (index % METRICS.length)];
        String sensor = sensorId(index);
        String time = isoTime(ts, false);
        String value = Double.toString(round2(m.mean));
        String json = switch (kind) {
            case MALFORMED_JSON -> {
                String full = record(sensor, time, m.name, value, m.unit, true, null);
                yield full.substring(0, 10 + random.nextInt(full.length() - 12));
            }
            case MISSING_FIELD -> switch (random.nextInt(3)) {
                case 0 -> record(sensor, time, m.name, null, m.unit, true, null);
                case 1 -> record(null, time, m.name, value, m.unit, true, null);
                default -> record(sensor, null, m.name, value, m.unit, true, null);
            };
            case WRONG_TYPE -> record(sensor, time, m.name, random.nextBoolean() ? "\"n/a\"" : "true", m.unit, true, null);
            case UNPARSEABLE_TIMESTAMP -> record(sensor, random.nextBoolean() ? "yesterday" : "2024-13-45T25:61:00Z",
                    m.name, value, m.unit, true, null);
            case OUT_OF_RANGE -> record(sensor, time, m.name, "1.0E9", m.unit, true, null);
            case UNKNOWN_UNIT -> record(sensor, time, m.name, value, "furlong", true, null);
            case UNKNOWN_METRIC -> record(sensor, time, "vibration", value, "mm/s", true, null);
            case DUPLICATE -> null;
            case NOT_FINITE -> record(sensor, time, m.name, random.nextBoolean() ? "NaN" : "Infinity", m.unit, true, null);
            case MISSING_VALUE -> record(sensor, time, m.name, "-9999", m.unit, true, null);
            case DUPLICATE_KEY -> record(sensor, time, m.name, value, m.unit, true, "\"value\":" + value);
            case INVALID_COORDINATE -> record(sensor, time, m.name, value, m.unit, false, null);
            case INVALID_ENCODING -> record(sensor, time, m.name, value, m.unit, true, null);
            case TOO_LONG -> record(sensor, time, m.name, value, m.unit, true, "\"note\":\"" + "x".repeat(70_000) + "\"");
        };
        byte[] line;
        if (kind == BadKind.DUPLICATE) {
            byte[][] recent = recentValid.toArray(new byte[0][]);
            line = recent[random.nextInt(recent.length)];
        } else if (kind == BadKind.INVALID_ENCODING) {
            line = json.getBytes(StandardCharsets.UTF_8);
            int at = json.indexOf("sensor-") + 3;
            line[at] = (byte) 0xC3; // a lead byte followed by ASCII: not UTF-8
        } else {
            line = json.getBytes(StandardCharsets.UTF_8);
        }
        rejected.merge(kind.reason.code(), 1L, Long::sum);
        return line;
    }

    private BadKind pickKind() {
        int r = random.nextInt(totalWeight);
        for (BadKind k : BadKind.values()) {
            r -= k.weight;
            if (r < 0) {
                return k;
            }
        }
        throw new IllegalStateException();
    }

    private int sensorNumber(long index) {
        return (int) ((index * 7919) % sensors);
    }

    private String sensorId(long index) {
        return sensorText(sensorNumber(index)).id;
    }

    private SensorText sensorText(int n) {
        SensorText t = sensorText[n];
        if (t == null) {
            String id = String.format("sensor-%04d", n);
            t = new SensorText(id, head(id), tail(id), head("  " + id + " "), tail("  " + id + " "));
            sensorText[n] = t;
        }
        return t;
    }

    /** What {@link #record} writes before the time, for this sensor id. */
    private String head(String sensor) {
        String full = record(sensor, "\u0000", "m", "0", "u", true, null);
        return full.substring(0, full.indexOf('\u0000'));
    }

    /** What {@link #record} writes after the unit, for this sensor id. */
    private String tail(String sensor) {
        String full = record(sensor, "t", "m", "0", "\u0000", true, null);
        return full.substring(full.indexOf('\u0000') + 2);
    }

    private record SensorText(String id, String head, String tail, String paddedHead, String paddedTail) {}

    /** One record; {@code null} arguments leave the field out, {@code extra} is added verbatim. */
    private String record(String sensor, String time, String metric, String value, String unit, boolean goodCoords,
            String extra) {
        sb.setLength(0);
        sb.append('{');
        if (extra != null) {
            sb.append(extra).append(',');
        }
        sb.append("\"device\":{");
        if (sensor != null) {
            sb.append("\"id\":\"").append(sensor).append("\",");
        }
        sb.append("\"fw\":\"2.").append(sensor == null ? 0 : sensor.length() % 4).append(".1\"},");
        sb.append("\"site\":\"plant-").append(sensor == null ? 0 : Math.abs(sensor.hashCode()) % 9).append("\",");
        if (time != null) {
            sb.append("\"time\":\"").append(time).append("\",");
        }
        sb.append("\"metric\":\"").append(metric).append('"');
        if (value != null) {
            sb.append(",\"value\":").append(value);
        }
        sb.append(",\"unit\":\"").append(unit).append('"');
        double lat = goodCoords ? 45.0 + (sensor == null ? 0 : Math.abs(sensor.hashCode() % 1000) / 1000.0) : 123.4;
        sb.append(",\"location\":{\"lat\":").append(lat).append(",\"lon\":9.19}");
        sb.append('}');
        return sb.toString();
    }

    private String isoTime(long micros, boolean withOffset) {
        StringBuilder t = new StringBuilder(40);
        if (withOffset) {
            times.appendPlusOneHour(t, micros);
        } else {
            times.appendUtc(t, micros);
        }
        return t.toString();
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    public GeneratorTruth truth() {
        Map<String, GeneratorTruth.PartitionTruth> parts = new TreeMap<>();
        partitions.forEach((k, v) -> parts.put(k, new GeneratorTruth.PartitionTruth((long) v[0], v[1])));
        long rej = rejected.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> perSensor = new TreeMap<>();
        for (int n = 0; n < sensors; n++) {
            if (validPerSensor[n] > 0) {
                perSensor.put(sensorText(n).id, validPerSensor[n]);
            }
        }
        return new GeneratorTruth(seed, records, bytes, valid, rej, Map.copyOf(rejected), parts, Map.copyOf(perSensor));
    }

    private record Metric(String name, String unit, double mean, double spread, double min, double max, String[] alternatives) {}
}
