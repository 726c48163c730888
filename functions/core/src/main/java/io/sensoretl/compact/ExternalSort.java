package io.sensoretl.compact;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import io.sensoretl.reading.Reading;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Sorts any number of rows in bounded memory: rows are buffered up to a byte budget, each full
 * buffer is sorted and spilled to a local run file, and the runs are merged with at most
 * {@code fanIn} files open at once (extra merge passes when there are more runs than that).
 *
 * <p>Staged files are written in arrival order by the streaming transform, so compaction cannot
 * assume sorted inputs; this is where the order is established.
 */
public final class ExternalSort implements AutoCloseable {
    private static final int IO_BUFFER = 64 * 1024;
    private static final int SPILL_ZSTD_LEVEL = 1;

    private final Path scratch;
    private final long budgetBytes;
    private final int fanIn;
    private final Comparator<Reading> order;
    private final List<Reading> buffer = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private long bufferedBytes;
    private long rows;
    private int spills;
    private long spilledBytes;
    private int mergePasses;
    private int nextRun;

    public ExternalSort(Path scratch, long budgetBytes, int fanIn, Comparator<Reading> order) {
        if (fanIn < 2) {
            throw new IllegalArgumentException("merge fan-in must be at least 2, got " + fanIn);
        }
        this.scratch = scratch;
        this.budgetBytes = budgetBytes;
        this.fanIn = fanIn;
        this.order = order;
    }

    public void add(Reading r) throws IOException {
        buffer.add(r);
        rows++;
        bufferedBytes += SpillCodec.heapBytes(r);
        if (bufferedBytes >= budgetBytes) {
            spill();
        }
    }

    public long rows() {
        return rows;
    }

    public int spills() {
        return spills;
    }

    /** Bytes of local disk the first-pass spill files took (they are compressed). */
    public long spilledBytes() {
        return spilledBytes;
    }

    public int mergePasses() {
        return mergePasses;
    }

    /** All rows added so far, in order. The sorter must not be added to afterwards. */
    public RowSource sorted() throws IOException {
        if (runs.isEmpty()) {
            buffer.sort(order);
            Iterator<Reading> it = List.copyOf(buffer).iterator();
            buffer.clear();
            return new RowSource() {
                @Override
                public Reading next() {
                    return it.hasNext() ? it.next() : null;
                }

                @Override
                public void close() {}
            };
        }
        spill();
        while (runs.size() > fanIn) {
            mergePass();
        }
        List<Path> last = new ArrayList<>(runs);
        runs.clear();
        return merge(last);
    }

    private void spill() throws IOException {
        if (buffer.isEmpty()) {
            return;
        }
        buffer.sort(order);
        Path run = newRun();
        try (DataOutputStream out = output(run)) {
            for (Reading r : buffer) {
                SpillCodec.write(out, r);
            }
            SpillCodec.end(out);
        }
        runs.add(run);
        spilledBytes += Files.size(run);
        buffer.clear();
        bufferedBytes = 0;
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
            try (RowSource in = merge(new ArrayList<>(group)); DataOutputStream out = output(run)) {
                for (Reading r; (r = in.next()) != null; ) {
                    SpillCodec.write(out, r);
                }
                SpillCodec.end(out);
            }
            merged.add(run);
            runs.removeAll(group);
        }
        runs.clear();
        runs.addAll(merged);
        mergePasses++;
    }

    /** Merges run files; each file is deleted once its reader is closed (also on failure). */
    private RowSource merge(List<Path> files) throws IOException {
        List<RowSource> sources = new ArrayList<>();
        try {
            for (Path f : files) {
                sources.add(new SpillReader(f));
            }
        } catch (IOException e) {
            for (RowSource s : sources) {
                s.close();
            }
            throw e;
        }
        return new KWayMerge(sources, order);
    }

    private Path newRun() {
        return scratch.resolve("run-" + (nextRun++) + ".spill");
    }

    private static DataOutputStream output(Path file) throws IOException {
        // zstd's fastest level: spills of sorted rows shrink several times, which matters on Lambda's /tmp
        ZstdOutputStream zstd = new ZstdOutputStream(new BufferedOutputStream(Files.newOutputStream(file), IO_BUFFER),
                SPILL_ZSTD_LEVEL);
        return new DataOutputStream(new BufferedOutputStream(zstd, IO_BUFFER));
    }

    private static final class SpillReader implements RowSource {
        private final Path file;
        private final DataInputStream in;

        SpillReader(Path file) throws IOException {
            this.file = file;
            this.in = new DataInputStream(new BufferedInputStream(
                    new ZstdInputStream(new BufferedInputStream(Files.newInputStream(file), IO_BUFFER)), IO_BUFFER));
        }

        @Override
        public Reading next() throws IOException {
            return SpillCodec.read(in);
        }

        @Override
        public void close() throws IOException {
            in.close();
            Files.deleteIfExists(file);
        }
    }

    @Override
    public void close() throws IOException {
        buffer.clear();
        for (Path run : runs) {
            Files.deleteIfExists(run);
        }
        runs.clear();
    }
}
