package io.sensoretl.transform;

import io.sensoretl.columnar.ReadingColumns;
import io.sensoretl.columnar.ReadingDictionaries;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A chunk's readings, one {@link ReadingColumns} batch per day partition, written as Parquet files
 * sorted by (sensor_id, ts, metric). Memory is bounded two ways: at most {@code maxOpen} partitions are
 * buffered (a new one writes out the least recently used), and at most {@code maxRows} rows in all (past
 * that the largest batch is written out). A partition written out more than once in a chunk gets several
 * files ({@code chunk-00007.parquet}, {@code chunk-00007-1.parquet}, ...), each sorted on its own. Names and
 * cut points depend only on the input, so a retried chunk writes the same files.
 */
final class PartitionBatches implements AutoCloseable {
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private final TransformOutputs outputs;
    private final String stem;
    private final ReadingDictionaries dictionaries;
    private final int maxOpen;
    private final int maxRows;
    private final LinkedHashMap<Long, ReadingColumns> open = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<Long, Integer> parts = new LinkedHashMap<>();
    private final TreeSet<String> partitions = new TreeSet<>();
    private final List<String> files = new ArrayList<>();
    private long lastDay = Long.MIN_VALUE;
    private ReadingColumns last;
    private int buffered;

    private final ChunkBuffers buffers;

    PartitionBatches(TransformOutputs outputs, String stem, ReadingDictionaries dictionaries, int maxOpen, int maxRows,
            ChunkBuffers buffers) {
        this.buffers = buffers;
        this.outputs = outputs;
        this.stem = stem;
        this.dictionaries = dictionaries;
        this.maxOpen = maxOpen;
        this.maxRows = maxRows;
    }

    /** The batch of the partition of {@code tsMicros}; the caller adds one row to it. */
    ReadingColumns batch(long tsMicros) throws IOException {
        long day = Math.floorDiv(tsMicros, MICROS_PER_DAY);
        buffered++;
        if (day == lastDay) {
            return last;
        }
        ReadingColumns b = open.get(day);
        if (b == null) {
            if (open.size() >= maxOpen) {
                Iterator<Map.Entry<Long, ReadingColumns>> eldest = open.entrySet().iterator();
                Map.Entry<Long, ReadingColumns> e = eldest.next();
                eldest.remove();
                flush(e.getKey(), e.getValue());
                buffers.giveBack(e.getValue());
            }
            b = buffers.batch(dictionaries);
            open.put(day, b);
        }
        lastDay = day;
        last = b;
        return b;
    }

    /** Called between records: writes the largest batch out when the rows held exceed the bound. */
    void afterRecord() throws IOException {
        if (buffered <= maxRows) {
            return;
        }
        Map.Entry<Long, ReadingColumns> largest = null;
        for (Map.Entry<Long, ReadingColumns> e : open.entrySet()) {
            if (largest == null || e.getValue().size() > largest.getValue().size()) {
                largest = e;
            }
        }
        flush(largest.getKey(), largest.getValue());
    }

    /** Writes every batch out (the dictionaries can then be cleared). */
    void flushAll() throws IOException {
        for (Map.Entry<Long, ReadingColumns> e : open.entrySet()) {
            flush(e.getKey(), e.getValue());
        }
    }

    private void flush(long day, ReadingColumns batch) throws IOException {
        if (batch.size() == 0) {
            return;
        }
        String partition = "dt=" + LocalDate.ofEpochDay(day);
        int part = parts.merge(day, 1, Integer::sum) - 1;
        String name = stem + (part == 0 ? "" : "-" + part) + ".parquet";
        var file = outputs.readings(partition, name);
        buffers.writer.write(batch, buffers.sort.sort(batch), batch.size(), file, true);
        partitions.add(partition);
        files.add(file.getPath());
        buffered -= batch.size();
        batch.clear();
    }

    List<String> partitions() {
        return List.copyOf(partitions);
    }

    List<String> files() {
        return List.copyOf(files);
    }

    /** Writes what is left and returns the batches' arrays to the pool. */
    @Override
    public void close() throws IOException {
        try {
            flushAll();
        } finally {
            for (ReadingColumns b : open.values()) {
                buffers.giveBack(b);
            }
            open.clear();
            last = null;
            lastDay = Long.MIN_VALUE;
        }
    }
}
