package io.sensoretl.compact;

import io.sensoretl.reading.Reading;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The binary row format of sort spill files. Spills are read back by the k-way merge with many
 * files open at once; a Parquet reader holds a whole row group per open file, a stream of these
 * rows holds only its read buffer, which is what keeps the merge's memory bounded.
 */
final class SpillCodec {
    private SpillCodec() {}

    private static final byte ROW = 1;
    private static final byte END = 0;

    static void write(DataOutputStream out, Reading r) throws IOException {
        out.writeByte(ROW);
        string(out, r.sensorId());
        out.writeLong(r.tsMicros());
        string(out, r.metric());
        out.writeDouble(r.value());
        nullableString(out, r.unit());
        nullableDouble(out, r.lat());
        nullableDouble(out, r.lon());
        out.writeInt(r.attributes().size());
        for (Map.Entry<String, String> e : r.attributes().entrySet()) {
            string(out, e.getKey());
            nullableString(out, e.getValue());
        }
        string(out, r.sourceKey());
        string(out, r.runId());
    }

    static void end(DataOutputStream out) throws IOException {
        out.writeByte(END);
    }

    /** The next row, or {@code null} at the end marker. */
    static Reading read(DataInputStream in) throws IOException {
        byte marker = in.readByte();
        if (marker == END) {
            return null;
        }
        if (marker != ROW) {
            throw new IOException("corrupt spill file: unexpected marker " + marker);
        }
        String sensor = string(in);
        long ts = in.readLong();
        String metric = string(in);
        double value = in.readDouble();
        String unit = nullableString(in);
        Double lat = nullableDouble(in);
        Double lon = nullableDouble(in);
        int n = in.readInt();
        Map<String, String> attributes = n == 0 ? Map.of() : new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            attributes.put(string(in), nullableString(in));
        }
        return new Reading(sensor, ts, metric, value, unit, lat, lon, attributes, string(in), string(in));
    }

    /** A rough heap size of a row, to bound the sort buffer by bytes rather than by row count. */
    static long heapBytes(Reading r) {
        long bytes = 160 + 2L * (r.sensorId().length() + r.metric().length() + r.sourceKey().length()
                + r.runId().length() + (r.unit() == null ? 0 : r.unit().length()));
        for (Map.Entry<String, String> e : r.attributes().entrySet()) {
            bytes += 96 + 2L * (e.getKey().length() + (e.getValue() == null ? 0 : e.getValue().length()));
        }
        return bytes;
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void nullableString(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            string(out, s);
        }
    }

    private static void nullableDouble(DataOutputStream out, Double d) throws IOException {
        out.writeBoolean(d != null);
        if (d != null) {
            out.writeDouble(d);
        }
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new EOFException("corrupt spill file: negative string length");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static String nullableString(DataInputStream in) throws IOException {
        return in.readBoolean() ? string(in) : null;
    }

    private static Double nullableDouble(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readDouble() : null;
    }
}
