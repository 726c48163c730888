package io.sensoretl.transform;

import io.sensoretl.parquet.ParquetFiles;
import io.sensoretl.reading.Reading;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * Routes readings to one Parquet file per day partition. Each open writer buffers a row group, so at
 * most {@code maxOpen} are open at once: when a chunk spans more days, the least recently used file
 * is finished and a later reading of that day starts the next part ({@code chunk-00007-1.parquet}).
 * Names depend only on the input order, so a retried chunk writes the same files.
 */
final class PartitionedReadingWriter implements AutoCloseable {
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final StagedReadingFiles names;
    private final int maxOpen;
    private final LinkedHashMap<Long, ParquetWriter<Reading>> open = new LinkedHashMap<>(16, 0.75f, true);
    private long lastDay = Long.MIN_VALUE;
    private ParquetWriter<Reading> lastWriter;

    PartitionedReadingWriter(TransformOutputs outputs, String stem, int maxOpen) {
        this.names = new StagedReadingFiles(outputs, stem);
        this.maxOpen = maxOpen;
    }

    void write(Reading r) throws IOException {
        long day = Math.floorDiv(r.tsMicros(), MICROS_PER_DAY);
        if (day != lastDay || lastWriter == null) {
            lastWriter = writerFor(day);
            lastDay = day;
        }
        lastWriter.write(r);
    }

    private ParquetWriter<Reading> writerFor(long day) throws IOException {
        ParquetWriter<Reading> w = open.get(day);
        if (w != null) {
            return w;
        }
        if (open.size() >= maxOpen) {
            Iterator<Map.Entry<Long, ParquetWriter<Reading>>> eldest = open.entrySet().iterator();
            Map.Entry<Long, ParquetWriter<Reading>> e = eldest.next();
            eldest.remove();
            e.getValue().close();
        }
        w = ParquetFiles.readingWriter(names.next(day));
        open.put(day, w);
        return w;
    }

    List<String> partitions() {
        return names.partitions();
    }

    List<String> files() {
        return names.files();
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (ParquetWriter<Reading> w : open.values()) {
            try {
                w.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        open.clear();
        lastWriter = null;
        if (first != null) {
            throw first;
        }
    }
}
