package io.sensoretl.compact;

import io.sensoretl.reading.ReadingBatch;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges sorted row streams into one stream in curated order, with a binary heap of stream
 * indexes compared on their current rows. A stream whose rows keep winning costs two comparisons
 * per row (the heap's top stays in place), which is the common case: a sensor's rows of one chunk
 * come out together. Ties go to the stream listed first, so the output is deterministic.
 *
 * <p>The merged order is checked on the sort key as rows go out: a stream that is not sorted is
 * named in an {@link OutOfOrderException} (for a merge of sorted inputs, the first row that goes
 * backwards always comes from the stream that broke its order).
 */
final class KWayMerge implements Closeable {
    private final List<RowStream> inputs;
    private final ReadingBatch[] batch;
    private final int[] pos;
    private final int[] heap;
    private int heapSize;
    private byte[] lastSensor;
    private long lastTs;
    private long rows;

    KWayMerge(List<? extends RowStream> streams) throws IOException {
        this.inputs = new ArrayList<>(streams);
        int k = inputs.size();
        batch = new ReadingBatch[k];
        pos = new int[k];
        heap = new int[k];
        for (int i = 0; i < k; i++) {
            ReadingBatch b = inputs.get(i).next();
            if (b != null) {
                batch[i] = b;
                heap[heapSize++] = i;
            }
        }
        for (int i = heapSize / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    /** Sends every row to {@code sink} in order; returns the number of rows. */
    long drainTo(RowSink sink) throws IOException {
        while (heapSize > 0) {
            int top = heap[0];
            ReadingBatch b = batch[top];
            int p = pos[top];
            byte[] s = b.sensorId[p];
            long t = b.ts[p];
            if (lastSensor != null && (lastSensor != s || lastTs > t)) {
                int c = ReadingBatch.compareUtf8(lastSensor, s);
                if (c > 0 || (c == 0 && lastTs > t)) {
                    throw new OutOfOrderException(inputs.get(top).name(), lastSensor, lastTs, s, t);
                }
            }
            lastSensor = s;
            lastTs = t;
            sink.accept(b, p, top);
            rows++;
            if (++p == b.size()) {
                b = inputs.get(top).next();
                if (b == null) {
                    heap[0] = heap[--heapSize];
                    if (heapSize > 0) {
                        siftDown(0);
                    }
                    continue;
                }
                batch[top] = b;
                p = 0;
            }
            pos[top] = p;
            siftDown(0);
        }
        return rows;
    }

    private boolean less(int a, int b) {
        int c = ReadingBatch.compareFull(batch[a], pos[a], batch[b], pos[b]);
        return c < 0 || (c == 0 && a < b);
    }

    private void siftDown(int i) {
        int v = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && less(heap[child + 1], heap[child])) {
                child++;
            }
            if (!less(heap[child], v)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = v;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (RowStream s : inputs) {
            try {
                s.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
