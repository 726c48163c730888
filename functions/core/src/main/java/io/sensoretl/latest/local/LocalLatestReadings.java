package io.sensoretl.latest.local;

import com.fasterxml.jackson.databind.JavaType;
import io.sensoretl.latest.LatestReading;
import io.sensoretl.latest.LatestReadings;
import io.sensoretl.latest.UpsertSummary;
import io.sensoretl.localstore.JsonFiles;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Latest readings of the local runtime: {@code <data>/latest/readings.json}, keyed by sensor and metric. */
public final class LocalLatestReadings implements LatestReadings {
    private static final JavaType TYPE = JsonFiles.JSON.getTypeFactory()
            .constructMapType(TreeMap.class, String.class, LatestReading.class);

    private final Path file;
    private final Path lock;

    public LocalLatestReadings(Path dataDir) {
        this.file = dataDir.resolve("latest").resolve("readings.json");
        this.lock = dataDir.resolve("latest").resolve(".readings.lock");
    }

    @Override
    public UpsertSummary upsertIfNewer(Collection<LatestReading> readings) {
        return JsonFiles.locked(lock, () -> {
            TreeMap<String, LatestReading> stored = JsonFiles.read(file, TYPE, TreeMap::new);
            int written = 0;
            int skipped = 0;
            for (LatestReading r : readings) {
                LatestReading current = stored.get(key(r.sensorId(), r.metric()));
                if (current == null || r.isNewerThan(current)) {
                    stored.put(key(r.sensorId(), r.metric()), r);
                    written++;
                } else {
                    skipped++;
                }
            }
            if (written > 0) {
                JsonFiles.writeAtomically(file, stored);
            }
            return new UpsertSummary(written, skipped);
        });
    }

    @Override
    public Optional<LatestReading> get(String sensorId, String metric) {
        TreeMap<String, LatestReading> stored = JsonFiles.read(file, TYPE, TreeMap::new);
        return Optional.ofNullable(stored.get(key(sensorId, metric)));
    }

    @Override
    public List<LatestReading> forSensor(String sensorId) {
        TreeMap<String, LatestReading> stored = JsonFiles.read(file, TYPE, TreeMap::new);
        // NUL cannot occur in ids, so the range holds exactly this sensor's series
        return List.copyOf(stored.subMap(sensorId + "\u0000", sensorId + "\u0001").values());
    }

    private static String key(String sensorId, String metric) {
        return sensorId + "\u0000" + metric;
    }
}
