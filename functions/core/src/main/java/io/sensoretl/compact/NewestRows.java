package io.sensoretl.compact;

import io.sensoretl.latest.LatestReading;
import io.sensoretl.latest.NewestPerSeries;
import io.sensoretl.reading.ReadingBatch;
import io.sensoretl.reading.Utf8Pool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The newest row per series among the rows compaction merges, without an object per row: rows come
 * sensor after sensor, so only the current sensor's metrics are tracked (a handful of slots), and a
 * sensor's newest readings become {@link LatestReading}s when the next sensor starts.
 */
final class NewestRows {
    private final NewestPerSeries newest = new NewestPerSeries();
    private final Utf8Pool pool;
    private final List<Slot> slots = new ArrayList<>();
    private byte[] sensor;

    NewestRows(Utf8Pool pool) {
        this.pool = pool;
    }

    void accept(ReadingBatch c, int i) {
        byte[] s = c.sensorId[i];
        if (s != sensor && (sensor == null || !Arrays.equals(s, sensor))) {
            flush();
            sensor = s;
        }
        byte[] m = c.metric[i];
        Slot slot = null;
        for (Slot candidate : slots) {
            if (candidate.metric == m || Arrays.equals(candidate.metric, m)) {
                slot = candidate;
                break;
            }
        }
        if (slot == null) {
            slot = new Slot(m);
            slots.add(slot);
            slot.set(c, i);
        } else if (c.ts[i] > slot.ts) {
            slot.set(c, i);
        } else if (c.ts[i] == slot.ts) {
            // equal times are rare: let the conditional write's own rule decide
            LatestReading candidate = reading(c.ts[i], c.value[i], c.unit[i], c.runId[i], m);
            if (candidate.isNewerThan(reading(slot.ts, slot.value, slot.unit, slot.run, m))) {
                slot.set(c, i);
            }
        }
    }

    private LatestReading reading(long ts, double value, byte[] unit, byte[] run, byte[] metric) {
        return new LatestReading(pool.string(sensor), pool.string(metric), ts, value, pool.string(unit), pool.string(run));
    }

    private void flush() {
        for (Slot slot : slots) {
            newest.offer(reading(slot.ts, slot.value, slot.unit, slot.run, slot.metric));
        }
        slots.clear();
    }

    /** One reading per series seen, ordered by sensor then metric. */
    List<LatestReading> result() {
        flush();
        return newest.result();
    }

    private static final class Slot {
        final byte[] metric;
        long ts;
        double value;
        byte[] unit;
        byte[] run;

        Slot(byte[] metric) {
            this.metric = metric;
        }

        void set(ReadingBatch c, int i) {
            ts = c.ts[i];
            value = c.value[i];
            unit = c.unit[i];
            run = c.runId[i];
        }
    }
}
