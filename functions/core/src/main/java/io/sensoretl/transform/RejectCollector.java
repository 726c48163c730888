package io.sensoretl.transform;

import io.sensoretl.parquet.ParquetFiles;
import io.sensoretl.reading.Reject;
import io.sensoretl.reading.RejectReason;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.hadoop.ParquetWriter;

/** Counts rejects by reason and writes them to the chunk's rejects file, opened on the first reject. */
final class RejectCollector implements AutoCloseable {
    private final TransformOutputs outputs;
    private final String fileName;
    private final EnumMap<RejectReason, Long> counts = new EnumMap<>(RejectReason.class);
    private ParquetWriter<Reject> writer;
    private String path;
    private long total;

    RejectCollector(TransformOutputs outputs, String fileName) {
        this.outputs = outputs;
        this.fileName = fileName;
    }

    void add(Reject reject) throws IOException {
        if (writer == null) {
            var file = outputs.rejects(fileName);
            path = file.getPath();
            writer = ParquetFiles.rejectWriter(file);
        }
        writer.write(reject);
        counts.merge(reject.reason(), 1L, Long::sum);
        total++;
    }

    long total() {
        return total;
    }

    Map<String, Long> byReason() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k.code(), v));
        return out;
    }

    /** The rejects file written, or {@code null} when the chunk had none. */
    String path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
        }
    }
}
