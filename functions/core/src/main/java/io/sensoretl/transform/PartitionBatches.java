package io.sensoretl.transform;

import io.sensoretl.columnar.ReadingColumns;
import io.sensoretl.columnar.ReadingDictionaries;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chunk's readings, one {@link ReadingColumns} batch per day partition, written as Parquet files
 * sorted by (sensor_id, ts, metric). Memory is bounded two ways: at most {@code maxOpen} partitions are
 * buffered (a new one writes out the least recently used), and at most {@code maxRows} rows in all (past
 * that the largest batch is written out). A partition written out more than once in a chunk gets several
 * files ({@code chunk-00007.parquet}, {@code chunk-00007-1.parquet}, ...), each sorted on its own. Names and
 * cut points depend only on the input, so a retried chunk writes the same files.
 *
 * <p>The bound on buffered rows alone does not bound memory: a partition the input has moved past keeps
 * the arrays it grew while it was the busy one. So the rows each open batch may hold (its grant: what
 * doubling from {@link #INITIAL_ROWS} gave it) are bounded in all too ({@link #grantBudget}); past that,
 * the other batches with the largest grants are written out and give their arrays to the batch that needs
 * room, or let them go. A batch may hold more than its grant only through idle arrays it took when it
 * opened ({@link ChunkBuffers} keeps up to two full batches between chunks: a chunk crossing midnight has
 * two busy partitions); that surplus goes to a batch that needs room, and before any batch allocates
 * beyond the bound the surplus and the idle arrays are let go. Memory for batches is then at most the
 * budget plus a first grant per open batch ({@link #maxHeldRows}): about 60 MB at the transform's bounds,
 * whatever the chunk. Grants depend only on the input (not on the arrays a batch happened to reuse), so
 * the cut points do too.
 */
final class PartitionBatches implements AutoCloseable {
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private final StagedReadingFiles names;
    private final ReadingDictionaries dictionaries;
    private final int maxOpen;
    private final int maxRows;
    private final LinkedHashMap<Long, Open> open = new LinkedHashMap<>(16, 0.75f, true);
    private long lastDay = Long.MIN_VALUE;
    private Open last;
    private int buffered;
    /** Rows of batch arrays allocated by growth (what taking over idle arrays saves; tests look at it). */
    private long grownRows;

    private final ChunkBuffers buffers;
    /** Rows granted to a newly opened batch. */
    static final int INITIAL_ROWS = 1024;
    /** Room past {@code maxRows} for the readings of the record that crosses it (written out after the record). */
    private static final int SLACK_ROWS = 1024;
    /** Rows the open batches may be granted in all: twice the buffered-rows bound, as doubling needs. */
    private final long grantBudget;

    /** An open partition's batch and the rows granted to it. */
    private static final class Open {
        final ReadingColumns batch;
        int granted = INITIAL_ROWS;

        Open(ReadingColumns batch) {
            this.batch = batch;
        }
    }

    PartitionBatches(TransformOutputs outputs, String stem, ReadingDictionaries dictionaries, int maxOpen, int maxRows,
            ChunkBuffers buffers) {
        this.buffers = buffers;
        this.grantBudget = 2L * (maxRows + SLACK_ROWS);
        this.names = new StagedReadingFiles(outputs, stem);
        this.dictionaries = dictionaries;
        this.maxOpen = maxOpen;
        this.maxRows = maxRows;
    }

    /** The batch of the partition of {@code tsMicros}; the caller adds one row to it. */
    ReadingColumns batch(long tsMicros) throws IOException {
        long day = Math.floorDiv(tsMicros, MICROS_PER_DAY);
        buffered++;
        Open b;
        if (day == lastDay) {
            b = last;
        } else {
            b = open.get(day);
            if (b == null) {
                if (open.size() >= maxOpen) {
                    Iterator<Map.Entry<Long, Open>> eldest = open.entrySet().iterator();
                    Map.Entry<Long, Open> e = eldest.next();
                    eldest.remove();
                    flush(e.getKey(), e.getValue().batch);
                    buffers.giveBack(e.getValue().batch);
                }
                b = new Open(buffers.batch(dictionaries));
                open.put(day, b);
            }
            lastDay = day;
            last = b;
        }
        if (b.batch.size() >= b.granted) {
            grow(b);
        } else if (b.batch.size() == b.batch.capacity()) {
            // arrays smaller than the grant (given to another batch): back to the grant, not beyond
            grownRows += b.granted;
            b.batch.growTo(b.granted);
            keepWithinBound(b);
        }
        return b.batch;
    }

    /** Grants a full batch more rows, within {@link #grantBudget}: other batches are written out to make room. */
    private void grow(Open b) throws IOException {
        int need = Math.max(b.batch.size() + 1, Math.min(b.granted * 2, maxRows + SLACK_ROWS));
        long others = -b.granted;
        for (Open o : open.values()) {
            others += o.granted;
        }
        while (others + need > grantBudget) {
            Map.Entry<Long, Open> biggest = null;
            for (Map.Entry<Long, Open> e : open.entrySet()) {
                Open o = e.getValue();
                if (o != b && o.granted > INITIAL_ROWS && (biggest == null || o.granted > biggest.getValue().granted)) {
                    biggest = e;
                }
            }
            if (biggest == null) {
                break;
            }
            Open other = biggest.getValue();
            flush(biggest.getKey(), other.batch);
            others -= other.granted - INITIAL_ROWS;
            other.granted = INITIAL_ROWS;
            if (other.batch.capacity() > b.batch.capacity()) {
                b.batch.takeArraysOf(other.batch);
            }
            if (other.batch.capacity() > INITIAL_ROWS) {
                other.batch.release();
            }
        }
        if (others + need + buffers.pooledRows() > grantBudget) {
            buffers.dropPooled(); // memory is needed for open batches, not idle ones
        }
        b.granted = need;
        if (b.batch.capacity() < need) {
            takeLargerEmptyArrays(b);
        }
        if (b.batch.capacity() < need) {
            takeSurplusArrays(b, need);
        }
        if (b.batch.capacity() < need) {
            grownRows += need;
            b.batch.growTo(need);
            keepWithinBound(b);
        }
    }

    /**
     * Exchanges arrays with another open batch that holds room for {@code need} rows beyond its own grant
     * (it took idle arrays when it opened), when each batch's rows fit the other's arrays: the two busy
     * partitions of a chunk crossing midnight then trade arrays instead of allocating. Capacity held does
     * not change, nor do grants.
     */
    private void takeSurplusArrays(Open b, int need) {
        Open donor = null;
        for (Open o : open.values()) {
            if (o != b && o.batch.capacity() >= need && o.batch.capacity() > o.granted
                    && o.batch.size() <= b.batch.capacity() && o.granted <= b.batch.capacity()
                    && (donor == null || o.batch.capacity() < donor.batch.capacity())) {
                donor = o;
            }
        }
        if (donor != null) {
            b.batch.swapArraysWith(donor.batch);
        }
    }

    /**
     * After arrays were allocated: batches holding more than their grants (idle arrays taken when they
     * opened) give the surplus up, and the idle ones go, so the arrays held stay within {@link #maxHeldRows}
     * whatever the idle arrays a chunk started with.
     */
    private void keepWithinBound(Open b) {
        if (heldRows() + buffers.pooledRows() <= maxHeldRows()) {
            return;
        }
        buffers.dropPooled();
        for (Open o : open.values()) {
            if (heldRows() <= maxHeldRows()) {
                return;
            }
            if (o != b && o.batch.capacity() > Math.max(o.granted, INITIAL_ROWS)) {
                o.batch.takeArraysOf(new ReadingColumns(dictionaries, o.granted));
            }
        }
    }

    /** Rows the open batches' arrays may hold in all: the grant budget and a first grant per open batch. */
    long maxHeldRows() {
        return grantBudget + (long) maxOpen * INITIAL_ROWS;
    }

    /**
     * Swaps arrays with the empty open batch holding the largest ones, when they are larger than this
     * batch's: a partition the input has moved past keeps the arrays it grew after it was written out,
     * and the busy one would otherwise allocate its own by doubling. Memory held does not change (the
     * arrays change hands) and grants do not either, so neither the bound nor the cut points move.
     */
    private void takeLargerEmptyArrays(Open b) {
        ReadingColumns best = null;
        for (Open o : open.values()) {
            if (o != b && o.batch.size() == 0 && o.batch.capacity() > b.batch.capacity()
                    && (best == null || o.batch.capacity() > best.capacity())) {
                best = o.batch;
            }
        }
        if (best != null) {
            b.batch.takeArraysOf(best);
        }
    }

    /** Called between records: writes the largest batch out when the rows held exceed the bound. */
    void afterRecord() throws IOException {
        if (buffered <= maxRows) {
            return;
        }
        Map.Entry<Long, Open> largest = null;
        for (Map.Entry<Long, Open> e : open.entrySet()) {
            if (largest == null || e.getValue().batch.size() > largest.getValue().batch.size()) {
                largest = e;
            }
        }
        flush(largest.getKey(), largest.getValue().batch);
    }

    /** Writes every batch out (the dictionaries can then be cleared). */
    void flushAll() throws IOException {
        for (Map.Entry<Long, Open> e : open.entrySet()) {
            flush(e.getKey(), e.getValue().batch);
        }
    }

    private void flush(long day, ReadingColumns batch) throws IOException {
        if (batch.size() == 0) {
            return;
        }
        buffers.writer.write(batch, buffers.sort.sort(batch), batch.size(), names.next(day), true);
        buffered -= batch.size();
        batch.clear();
    }

    /** Rows of batch arrays allocated by growth so far. */
    long grownRows() {
        return grownRows;
    }

    /** Rows the open batches' arrays can hold in all (tests of the memory bound). */
    long heldRows() {
        long sum = 0;
        for (Open o : open.values()) {
            sum += o.batch.capacity();
        }
        return sum;
    }

    List<String> partitions() {
        return names.partitions();
    }

    List<String> files() {
        return names.files();
    }

    /** Writes what is left and returns the batches' arrays to the pool. */
    @Override
    public void close() throws IOException {
        try {
            flushAll();
        } finally {
            for (Open b : open.values()) {
                buffers.giveBack(b.batch);
            }
            open.clear();
            last = null;
            lastDay = Long.MIN_VALUE;
        }
    }
}
