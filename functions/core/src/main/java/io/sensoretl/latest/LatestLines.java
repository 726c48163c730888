package io.sensoretl.latest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Newline-delimited JSON of {@link LatestReading}s: how compaction hands the run's newest readings
 * to the latest-readings step without passing them through the (size-limited) state payload.
 */
public final class LatestLines {
    private LatestLines() {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter WRITER = JSON.writerFor(LatestReading.class);
    private static final ObjectReader READER = JSON.readerFor(LatestReading.class);

    public static void write(Collection<LatestReading> readings, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        for (LatestReading r : readings) {
            w.write(WRITER.writeValueAsString(r));
            w.write('\n');
        }
        w.flush();
    }

    public static List<LatestReading> read(InputStream in) throws IOException {
        List<LatestReading> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int lineNo = 0;
        for (String line; (line = r.readLine()) != null; ) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(READER.readValue(line));
            } catch (IOException e) {
                throw new IOException("latest-readings line " + lineNo + " is not a LatestReading: " + e.getMessage(), e);
            }
        }
        return out;
    }
}
