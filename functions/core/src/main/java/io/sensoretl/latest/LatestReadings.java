package io.sensoretl.latest;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The newest reading per (sensor, metric), for low-latency "current value" lookups that should not
 * scan Parquet. DynamoDB on AWS ({@code DynamoDbLatestReadings}), a JSON file locally.
 *
 * <p>A stored reading only ever moves forward in time: runs finish in any order (a backfill of last
 * month may finish after today's dump), so each write is conditional on being newer.
 */
public interface LatestReadings {

    /** Stores each reading whose series has nothing newer stored ({@link LatestReading#RECENCY}). */
    UpsertSummary upsertIfNewer(Collection<LatestReading> readings);

    Optional<LatestReading> get(String sensorId, String metric);

    /** Every metric of one sensor, ordered by metric. */
    List<LatestReading> forSensor(String sensorId);
}
