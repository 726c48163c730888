package io.sensoretl.compact;

import io.sensoretl.reading.ReadingBatch;
import io.sensoretl.reading.Utf8Pool;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sorts rows that arrive in any order, in bounded memory: rows are buffered in columns up to a
 * byte budget, each full buffer is sorted ({@link RowSorter}) and spilled to a local
 * {@link RunFile}, and the runs come back as at most {@code fanIn} sorted streams (extra merge
 * passes over local disk when there are more). When nothing was spilled the buffer is served
 * straight from memory.
 *
 * <p>This is the path for staged files that are not declared sorted (output of older versions, or
 * a footer that turned out to lie); sorted inputs skip it and are merged as they are.
 */
final class LocalSort implements Closeable {
    private final Path scratch;
    private final int bufferRows;
    private final int fanIn;
    private final Utf8Pool pool;
    private final ReadingBatch buffer;
    private final List<Path> runs = new ArrayList<>();
    private final List<RowStream> open = new ArrayList<>();
    private long rows;
    private int spills;
    private int mergePasses;
    private int nextRun;

    LocalSort(Path scratch, long budgetBytes, int fanIn, Utf8Pool pool) {
        if (fanIn < 2) {
            throw new IllegalArgumentException("merge fan-in must be at least 2, got " + fanIn);
        }
        this.scratch = scratch;
        this.bufferRows = (int) Math.max(1024, Math.min(Integer.MAX_VALUE - 8, budgetBytes / ReadingBatch.bytesPerRow()));
        this.fanIn = fanIn;
        this.pool = pool;
        this.buffer = new ReadingBatch(Math.min(bufferRows, 64 * 1024));
    }

    void add(ReadingBatch batch, int row) throws IOException {
        buffer.append(batch, row);
        rows++;
        if (buffer.size() >= bufferRows) {
            spill();
        }
    }

    void addAll(ReadingBatch batch) throws IOException {
        if (buffer.size() + batch.size() <= bufferRows) {
            buffer.appendAll(batch);
            rows += batch.size();
            if (buffer.size() >= bufferRows) {
                spill();
            }
            return;
        }
        for (int i = 0, n = batch.size(); i < n; i++) {
            add(batch, i);
        }
    }

    long rows() {
        return rows;
    }

    int spills() {
        return spills;
    }

    int mergePasses() {
        return mergePasses;
    }

    /** Everything added, as at most {@code fanIn} sorted streams (closed by the caller, or by {@link #close()}). */
    List<RowStream> sortedRuns() throws IOException {
        if (runs.isEmpty()) {
            RowStream s = new SortedBuffer(buffer, RowSorter.order(buffer));
            open.add(s);
            return List.of(s);
        }
        spill();
        while (runs.size() > fanIn) {
            mergePass();
        }
        List<RowStream> streams = new ArrayList<>();
        for (Path run : runs) {
            streams.add(reader(run));
        }
        runs.clear();
        open.addAll(streams);
        return streams;
    }

    private void spill() throws IOException {
        if (buffer.size() == 0) {
            return;
        }
        int[] order = RowSorter.order(buffer);
        Path run = newRun();
        try (RunFile.Writer out = new RunFile.Writer(Files.newOutputStream(run))) {
            for (int i : order) {
                out.append(buffer, i);
            }
        }
        runs.add(run);
        buffer.clear();
        spills++;
    }

    private void mergePass() throws IOException {
        List<Path> pending = new ArrayList<>(runs);
        List<Path> merged = new ArrayList<>();
        for (int i = 0; i < pending.size(); i += fanIn) {
            List<Path> group = pending.subList(i, Math.min(pending.size(), i + fanIn));
            if (group.size() == 1) {
                merged.add(group.get(0));
                continue;
            }
            Path run = newRun();
            List<RowStream> inputs = new ArrayList<>();
            for (Path p : group) {
                inputs.add(reader(p));
            }
            try (KWayMerge merge = new KWayMerge(inputs); RunFile.Writer out = new RunFile.Writer(Files.newOutputStream(run))) {
                merge.drainTo((b, r, in) -> out.append(b, r));
            }
            merged.add(run);
        }
        runs.clear();
        runs.addAll(merged);
        mergePasses++;
    }

    /** A run file's rows; the file is deleted when the reader is closed. */
    private RowStream reader(Path run) throws IOException {
        InputStream in = Files.newInputStream(run);
        RunFile.Reader reader = new RunFile.Reader(run.getFileName().toString(), in, pool);
        return new RowStream() {
            @Override
            public ReadingBatch next() throws IOException {
                return reader.next();
            }

            @Override
            public String name() {
                return reader.name();
            }

            @Override
            public void close() throws IOException {
                try {
                    reader.close();
                } finally {
                    Files.deleteIfExists(run);
                }
            }
        };
    }

    private Path newRun() throws IOException {
        Files.createDirectories(scratch);
        return scratch.resolve("run-" + (nextRun++) + ".run");
    }

    @Override
    public void close() throws IOException {
        for (RowStream s : open) {
            s.close();
        }
        open.clear();
        for (Path run : runs) {
            Files.deleteIfExists(run);
        }
        runs.clear();
        buffer.clear();
    }

    /** The buffer's rows in sorted order, a batch at a time. */
    private static final class SortedBuffer implements RowStream {
        private final ReadingBatch rows;
        private final int[] order;
        private final ReadingBatch out = new ReadingBatch(RunFile.BLOCK_ROWS);
        private int next;

        SortedBuffer(ReadingBatch rows, int[] order) {
            this.rows = rows;
            this.order = order;
        }

        @Override
        public ReadingBatch next() {
            if (next == order.length) {
                return null;
            }
            out.clear();
            int end = Math.min(order.length, next + RunFile.BLOCK_ROWS);
            for (; next < end; next++) {
                out.append(rows, order[next]);
            }
            return out;
        }

        @Override
        public String name() {
            return "sorted buffer";
        }

        @Override
        public void close() {}
    }
}
