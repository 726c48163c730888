package io.sensoretl.contract;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The declarative mapping from one family of sensor dumps to canonical readings: the format, the
 * field mapping, time parsing, validity rules and partitioning. Loaded and checked by
 * {@link ContractLoader}; immutable afterwards.
 *
 * @param missingValues     values that mean "no measurement" (e.g. -200): such readings are rejected as missing_value
 * @param metrics           per-metric canonical unit and valid range; metrics not listed are accepted as they are
 *                          unless {@code rejectUnknownMetrics}
 * @param conversions       unit conversions, keyed by source unit then canonical unit
 * @param dedupeKey         canonical fields identifying a reading, e.g. [sensor_id, ts, metric]
 * @param dedupeWindow      how many recent keys a chunk remembers to drop duplicates (bounded memory)
 * @param maxRawBytes       bound on the raw text kept with a reject
 */
public record Contract(
        int version,
        String name,
        Format format,
        Mapping mapping,
        TimestampSpec timestamp,
        Set<Double> missingValues,
        Map<String, MetricRule> metrics,
        boolean rejectUnknownMetrics,
        Map<String, Map<String, UnitConversion>> conversions,
        List<String> dedupeKey,
        int dedupeWindow,
        Partitioning partitioning,
        int maxRawBytes) {

    public static final int CURRENT_VERSION = 1;
}
