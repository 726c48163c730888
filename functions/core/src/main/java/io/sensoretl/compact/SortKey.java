package io.sensoretl.compact;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.sensoretl.reading.ReadingBatch;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A position in the curated order {@code (sensor_id, ts)}: where a slice of a partition starts.
 * Sensor ids compare as UTF-8 bytes, like {@link ReadingBatch#compareKey}.
 */
public record SortKey(@JsonProperty("sensorId") String sensorId, @JsonProperty("ts") long tsMicros) {
    public SortKey {
        Objects.requireNonNull(sensorId, "sensorId");
    }

    @JsonIgnore
    public byte[] sensorBytes() {
        return sensorId.getBytes(StandardCharsets.UTF_8);
    }

    /** Negative if this key sorts before row {@code i} of {@code c}, 0 if equal, positive after. */
    int compareTo(byte[] sensorBytes, ReadingBatch c, int i) {
        int s = ReadingBatch.compareUtf8(sensorBytes, c.sensorId[i]);
        return s != 0 ? s : Long.compare(tsMicros, c.ts[i]);
    }

    int compareTo(SortKey other) {
        int s = ReadingBatch.compareUtf8(sensorBytes(), other.sensorBytes());
        return s != 0 ? s : Long.compare(tsMicros, other.tsMicros);
    }

    @Override
    public String toString() {
        return sensorId + "@" + tsMicros;
    }
}
