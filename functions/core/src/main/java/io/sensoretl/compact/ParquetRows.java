package io.sensoretl.compact;

import io.sensoretl.parquet.ReadingFile;
import io.sensoretl.reading.ReadingBatch;
import io.sensoretl.reading.Utf8Pool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The rows of one Parquet file that fall in a key range, batch by batch, as compaction needs them:
 * staged rows must belong to the run being applied (anything else is a bug upstream and fails
 * loudly), rows of the current version that belong to it are dropped (they are being replaced).
 *
 * <p>When the file is expected in order, the order is checked on every row read. The declared order
 * is never used to skip rows: reading does not stop at the end of the range (a file that lies would
 * lose its later rows), only row groups and pages whose {@code sensor_id} statistics exclude the
 * range are skipped, and statistics hold whatever the order.
 */
final class ParquetRows implements RowStream {
    static final int BATCH_ROWS = 4096;

    /** What the run's rows mean in this file. */
    enum RunRows { REQUIRED, DROPPED }

    private final ReadingFile file;
    private final KeyRange.Matcher range;
    private final boolean sorted;
    private final RunRows runRows;
    private final byte[] run;
    private final ReadingBatch raw = new ReadingBatch(BATCH_ROWS);
    private final ReadingBatch kept = new ReadingBatch(BATCH_ROWS);
    private byte[] lastSensor;
    private long lastTs;
    private boolean done;
    long rows;
    long dropped;

    /**
     * @param sorted verify {@code (sensor_id, ts)} order
     * @param run    the run being applied
     */
    ParquetRows(ReadingFile file, KeyRange range, boolean sorted, RunRows runRows, String run, Utf8Pool pool) {
        this.file = file;
        this.range = range.matcher();
        this.sorted = sorted;
        this.runRows = runRows;
        this.run = pool.intern(run.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String name() {
        return file.name();
    }

    @Override
    public ReadingBatch next() throws IOException {
        while (!done) {
            raw.clear();
            if (file.read(raw, BATCH_ROWS) == 0) {
                done = true;
                return null;
            }
            ReadingBatch out = filter();
            if (out.size() > 0) {
                rows += out.size();
                return out;
            }
        }
        return null;
    }

    /** {@code raw} itself when every row is kept (the usual case), else the kept rows copied. */
    private ReadingBatch filter() throws IOException {
        int n = raw.size();
        int i = 0;
        for (; i < n; i++) {
            if (sorted) {
                checkOrder(i);
            }
            if (!keep(i)) {
                break;
            }
        }
        if (i == n) {
            return raw;
        }
        kept.clear();
        for (int j = 0; j < i; j++) {
            kept.append(raw, j);
        }
        for (i++; i < n; i++) {
            if (sorted) {
                checkOrder(i);
            }
            if (keep(i)) {
                kept.append(raw, i);
            }
        }
        return kept;
    }

    private void checkOrder(int i) {
        byte[] s = raw.sensorId[i];
        long t = raw.ts[i];
        if (lastSensor != null) {
            int c = ReadingBatch.compareUtf8(lastSensor, s);
            if (c > 0 || (c == 0 && lastTs > t)) {
                throw new OutOfOrderException(file.name(), lastSensor, lastTs, s, t);
            }
        }
        lastSensor = s;
        lastTs = t;
    }

    /** Whether row {@code i} goes out. */
    private boolean keep(int i) throws IOException {
        if (range.above(raw, i) || range.below(raw, i)) {
            return false;
        }
        byte[] r = raw.runId[i];
        boolean ours = r == run || Arrays.equals(r, run);
        if (runRows == RunRows.REQUIRED && !ours) {
            throw new IOException(file.name() + " is staged for run " + new String(run, StandardCharsets.UTF_8)
                    + " but holds a row of run " + new String(r, StandardCharsets.UTF_8));
        }
        if (runRows == RunRows.DROPPED && ours) {
            dropped++;
            return false;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
