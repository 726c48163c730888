package io.sensoretl.latest;

import io.sensoretl.reading.Reading;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the newest reading per (sensor, metric) while rows stream past, so a run produces one
 * latest-readings write per series instead of one per record.
 */
public final class NewestPerSeries {
    private final Map<String, LatestReading> newest = new HashMap<>();

    public void accept(Reading r) {
        offer(LatestReading.of(r));
    }

    public void offer(LatestReading candidate) {
        newest.merge(candidate.seriesKey(), candidate, (a, b) -> b.isNewerThan(a) ? b : a);
    }

    public void offerAll(Collection<LatestReading> candidates) {
        candidates.forEach(this::offer);
    }

    public int size() {
        return newest.size();
    }

    /** One reading per series, ordered by sensor then metric. */
    public List<LatestReading> result() {
        List<LatestReading> out = new ArrayList<>(newest.values());
        out.sort(Comparator.comparing(LatestReading::sensorId).thenComparing(LatestReading::metric));
        return out;
    }
}
