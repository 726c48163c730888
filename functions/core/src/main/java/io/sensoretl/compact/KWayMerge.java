package io.sensoretl.compact;

import io.sensoretl.reading.Reading;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Merges sorted row sources into one sorted stream, holding one row per source in memory. Ties go
 * to the source listed first, so the merge is stable and its output deterministic.
 */
public final class KWayMerge implements RowSource {
    private record Head(Reading row, int source) {}

    private final List<RowSource> sources;
    private final Comparator<Reading> order;
    private final PriorityQueue<Head> heads;
    private Reading last;

    public KWayMerge(List<? extends RowSource> sources, Comparator<Reading> order) throws IOException {
        this.sources = new ArrayList<>(sources);
        this.order = order;
        this.heads = new PriorityQueue<>(Math.max(1, sources.size()),
                Comparator.comparing(Head::row, order).thenComparingInt(Head::source));
        for (int i = 0; i < this.sources.size(); i++) {
            advance(i);
        }
    }

    private void advance(int source) throws IOException {
        Reading row = sources.get(source).next();
        if (row != null) {
            heads.add(new Head(row, source));
        }
    }

    @Override
    public Reading next() throws IOException {
        Head head = heads.poll();
        if (head == null) {
            return null;
        }
        advance(head.source());
        // a source that is not sorted would silently break the curated order guarantee
        if (last != null && order.compare(last, head.row()) > 0) {
            throw new IllegalStateException("merge input " + head.source() + " is not sorted: "
                    + head.row().sensorId() + "@" + head.row().tsMicros() + " after "
                    + last.sensorId() + "@" + last.tsMicros());
        }
        last = head.row();
        return head.row();
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (RowSource s : sources) {
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
