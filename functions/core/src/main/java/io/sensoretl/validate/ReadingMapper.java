package io.sensoretl.validate;

import io.sensoretl.contract.Contract;
import io.sensoretl.contract.FieldRef;
import io.sensoretl.contract.Mapping;
import io.sensoretl.contract.MetricRule;
import io.sensoretl.contract.Shape;
import io.sensoretl.contract.UnitConversion;
import io.sensoretl.contract.WideColumn;
import io.sensoretl.decode.FieldError;
import io.sensoretl.decode.RecordView;
import io.sensoretl.reading.Reading;
import io.sensoretl.reading.RejectReason;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies a contract's mapping and rules to one decoded record: picks the fields, parses the time,
 * converts to canonical units, checks ranges and duplicates, and hands each candidate reading to the
 * sink as valid or rejected with a reason. Holds per-chunk state (the dedupe window), so one
 * instance serves one chunk.
 */
public final class ReadingMapper {
    static final int MAX_ID_CHARS = 256;

    private final Contract contract;
    private final Mapping mapping;
    private final TimestampParser timestamps;
    private final RecentKeys recent;
    private final Fingerprint fingerprint = new Fingerprint();
    private final String sourceKey;
    private final String runId;
    private final String[] attributeValues;
    private Map<String, String> lastAttributes;

    public ReadingMapper(Contract contract, String sourceKey, String runId) {
        this.contract = contract;
        this.mapping = contract.mapping();
        this.timestamps = new TimestampParser(contract.timestamp());
        this.recent = contract.dedupeWindow() > 0 ? new RecentKeys(contract.dedupeWindow()) : null;
        this.sourceKey = sourceKey;
        this.runId = runId;
        this.attributeValues = new String[mapping.attributes().size()];
    }

    /** How many candidate readings a record that decodes cleanly yields. */
    public int candidatesPerRecord() {
        return mapping.shape() == Shape.WIDE ? mapping.columns().size() : 1;
    }

    public void map(RecordView record, ReadingSink sink) {
        String sensorId;
        long ts;
        Double lat;
        Double lon;
        Map<String, String> attributes;
        try {
            sensorId = sensorId(record);
            ts = timestamps.micros(record);
            lat = coordinate(record, mapping.lat(), 90);
            lon = coordinate(record, mapping.lon(), 180);
            attributes = attributes(record);
        } catch (FieldError e) {
            // the record as a whole is unusable: every candidate it would have produced is rejected
            for (int i = 0; i < candidatesPerRecord(); i++) {
                sink.reject(e.reason(), e.getMessage());
            }
            return;
        }
        if (mapping.shape() == Shape.LONG) {
            candidate(record, sink, sensorId, ts, lat, lon, attributes, mapping.metric(), null, mapping.value(), mapping.unit(), null);
        } else {
            for (WideColumn col : mapping.columns()) {
                candidate(record, sink, sensorId, ts, lat, lon, attributes, null, col.metric(), col.value(), null, col.unit());
            }
        }
    }

    private void candidate(RecordView record, ReadingSink sink, String sensorId, long ts, Double lat, Double lon,
            Map<String, String> attributes, FieldRef metricRef, String fixedMetric, FieldRef valueRef, FieldRef unitRef,
            String fixedUnit) {
        try {
            String metric = fixedMetric != null ? fixedMetric : required(record.string(metricRef), metricRef, "metric");
            metric = metric.trim();
            if (fixedMetric == null) {
                identifier(metric, metricRef, "metric");
            }
            Double raw = record.number(valueRef);
            if (raw == null) {
                throw new FieldError(RejectReason.MISSING_FIELD, valueRef.describe() + ": value of " + metric + " is missing");
            }
            if (contract.missingValues().contains(raw)) {
                throw new FieldError(RejectReason.MISSING_VALUE, valueRef.describe() + ": " + raw
                        + " is the missing-value sentinel for " + metric);
            }
            String unit = fixedUnit != null ? fixedUnit : (unitRef == null ? null : record.string(unitRef));
            unit = unit == null ? null : unit.trim();
            if (fixedUnit == null && unit != null) {
                identifier(unit, unitRef, "unit");
            }
            MetricRule rule = contract.metrics().get(metric);
            if (rule == null && contract.rejectUnknownMetrics()) {
                throw new FieldError(RejectReason.UNKNOWN_METRIC, "metric \"" + abbreviate(metric)
                        + "\" is not one of " + new java.util.TreeSet<>(contract.metrics().keySet()));
            }
            double value = raw;
            if (rule != null && rule.unit() != null) {
                if (unit != null && !unit.equals(rule.unit())) {
                    UnitConversion conversion = contract.conversions().getOrDefault(unit, Map.of()).get(rule.unit());
                    if (conversion == null) {
                        throw new FieldError(RejectReason.UNKNOWN_UNIT, "unit \"" + abbreviate(unit) + "\" of " + metric
                                + " has no conversion to its canonical unit \"" + rule.unit() + "\"");
                    }
                    value = conversion.apply(value);
                }
                unit = rule.unit();
            }
            if (rule != null && ((rule.min() != null && value < rule.min()) || (rule.max() != null && value > rule.max()))) {
                throw new FieldError(RejectReason.OUT_OF_RANGE, metric + " " + value + " " + (unit == null ? "" : unit)
                        + " is outside [" + bound(rule.min()) + ", " + bound(rule.max()) + "]");
            }
            if (recent != null && !recent.add(key(sensorId, ts, metric, value, unit, lat, lon))) {
                throw new FieldError(RejectReason.DUPLICATE, "same " + contract.dedupeKey() + " as an earlier reading");
            }
            sink.reading(new Reading(sensorId, ts, metric, value, unit, lat, lon, attributes, sourceKey, runId));
        } catch (FieldError e) {
            sink.reject(e.reason(), e.getMessage());
        }
    }

    private long key(String sensorId, long ts, String metric, double value, String unit, Double lat, Double lon) {
        Fingerprint f = fingerprint.reset();
        for (String field : contract.dedupeKey()) {
            switch (field) {
                case "sensor_id" -> f.add(sensorId);
                case "ts" -> f.add(ts);
                case "metric" -> f.add(metric);
                case "value" -> f.add(Double.doubleToLongBits(value));
                case "unit" -> f.add(unit);
                case "lat" -> f.add(lat == null ? -1 : Double.doubleToLongBits(lat));
                case "lon" -> f.add(lon == null ? -1 : Double.doubleToLongBits(lon));
                default -> throw new IllegalStateException("dedupe field " + field);
            }
        }
        return f.value();
    }

    private String sensorId(RecordView record) throws FieldError {
        String id = required(record.string(mapping.sensorId()), mapping.sensorId(), "sensor id");
        id = id.trim();
        if (id.isEmpty()) {
            throw new FieldError(RejectReason.MISSING_FIELD, mapping.sensorId().describe() + ": sensor id is blank");
        }
        if (id.length() > MAX_ID_CHARS) {
            throw new FieldError(RejectReason.TOO_LONG, mapping.sensorId().describe() + ": sensor id is "
                    + id.length() + " characters, more than " + MAX_ID_CHARS);
        }
        identifier(id, mapping.sensorId(), "sensor id");
        return id;
    }

    /** Rejects an identifier holding a control or invisible format character ({@link CharacterRules}). */
    private static void identifier(String value, FieldRef ref, String what) throws FieldError {
        int bad = CharacterRules.firstNotAllowedInIdentifier(value);
        if (bad >= 0) {
            throw new FieldError(RejectReason.INVALID_CHARACTER, ref.describe() + ": " + what + " contains "
                    + CharacterRules.describe(value, bad) + " at character " + bad
                    + "; control and invisible format characters are not allowed in identifiers");
        }
    }

    private static String required(String v, FieldRef ref, String what) throws FieldError {
        if (v == null) {
            throw new FieldError(RejectReason.MISSING_FIELD, ref.describe() + ": " + what + " is missing");
        }
        return v;
    }

    private static Double coordinate(RecordView record, FieldRef ref, double limit) throws FieldError {
        if (ref == null) {
            return null;
        }
        Double v = record.number(ref);
        if (v != null && (v < -limit || v > limit)) {
            throw new FieldError(RejectReason.INVALID_COORDINATE, ref.describe() + ": " + v + " is outside [-" + (int) limit
                    + ", " + (int) limit + "]");
        }
        return v;
    }

    private Map<String, String> attributes(RecordView record) throws FieldError {
        if (mapping.attributes().isEmpty()) {
            return Map.of();
        }
        int i = 0;
        boolean same = lastAttributes != null;
        for (Map.Entry<String, FieldRef> a : mapping.attributes().entrySet()) {
            FieldRef ref = a.getValue();
            String v;
            try {
                v = record.string(ref);
            } catch (FieldError wrongType) {
                // attributes are informational: a non-scalar attribute is dropped rather than losing the reading
                v = null;
            }
            int bad = v == null ? -1 : CharacterRules.firstNotAllowedInText(v);
            if (bad >= 0) {
                throw new FieldError(RejectReason.INVALID_CHARACTER, "attributes." + a.getKey() + " (" + ref.describe()
                        + ") contains " + CharacterRules.describe(v, bad) + " at character " + bad
                        + "; control characters other than TAB, CR and LF and bidi overrides are not allowed in attribute values");
            }
            same &= java.util.Objects.equals(v, attributeValues[i]);
            attributeValues[i++] = v;
        }
        if (same) {
            return lastAttributes; // consecutive readings of a sensor share their attributes: share the map too
        }
        Map<String, String> out = new LinkedHashMap<>();
        i = 0;
        for (String name : mapping.attributes().keySet()) {
            if (attributeValues[i] != null) {
                out.put(name, attributeValues[i]);
            }
            i++;
        }
        lastAttributes = java.util.Collections.unmodifiableMap(out);
        return lastAttributes;
    }

    private static String bound(Double d) {
        return d == null ? "-" : String.valueOf(d);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
