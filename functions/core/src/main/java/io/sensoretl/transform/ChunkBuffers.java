package io.sensoretl.transform;

import io.sensoretl.columnar.ReadingColumns;
import io.sensoretl.columnar.ReadingSort;
import io.sensoretl.columnar.RejectColumns;
import io.sensoretl.parquet.ReadingColumnsWriter;
import java.util.ArrayDeque;

/**
 * Buffers a thread reuses from chunk to chunk: a warm Lambda container or the benchmark transforms one
 * chunk after another, and the column vectors, sort arrays and page buffers (megabytes each) are then
 * allocated once instead of per chunk. Taken and given back within one {@code transform} call.
 */
final class ChunkBuffers {
    private static final ThreadLocal<ChunkBuffers> THREAD = ThreadLocal.withInitial(ChunkBuffers::new);

    final ReadingSort sort = new ReadingSort();
    final ReadingColumnsWriter writer = new ReadingColumnsWriter();
    /** Idle batches; their capacity is kept within {@link #MAX_POOLED_ROWS} rows. */
    private final ArrayDeque<ReadingColumns> batches = new ArrayDeque<>();
    private long pooledRows;
    private RejectColumns rejects;

    /**
     * Two full batches (the grant budget of {@link PartitionBatches}): a chunk of a time-ordered dump that
     * crosses midnight fills two partitions, and with one pooled batch the second grew again by doubling in
     * every chunk. Idle arrays a chunk takes count against its memory bound like any others.
     */
    static final long MAX_POOLED_ROWS = 2L * (ChunkTransformer.MAX_BUFFERED_READINGS + 1024);

    static ChunkBuffers forThisThread() {
        return THREAD.get();
    }

    /** An empty batch (reused when one is idle). */
    ReadingColumns batch(io.sensoretl.columnar.ReadingDictionaries dictionaries) {
        ReadingColumns b = batches.poll();
        if (b == null) {
            return new ReadingColumns(dictionaries);
        }
        pooledRows -= b.capacity();
        return b.reuse(dictionaries);
    }

    /** Gives a batch back; kept for reuse while the idle batches' capacity stays bounded. */
    void giveBack(ReadingColumns b) {
        b.clear();
        if (pooledRows + b.capacity() <= MAX_POOLED_ROWS) {
            batches.push(b);
            pooledRows += b.capacity();
        }
    }

    /** Rows of capacity held by the idle batches. */
    long pooledRows() {
        return pooledRows;
    }

    /** Lets the idle batches go (memory is needed for the open ones). */
    void dropPooled() {
        batches.clear();
        pooledRows = 0;
    }

    RejectColumns rejects(String sourceKey, String runId) {
        RejectColumns r = rejects;
        rejects = null;
        return r == null ? new RejectColumns(sourceKey, runId) : r.reuse(sourceKey, runId);
    }

    void giveBack(RejectColumns r) {
        rejects = r;
    }
}
