package io.sensoretl.validate;

import io.sensoretl.contract.Contract;
import io.sensoretl.contract.FieldRef;
import io.sensoretl.contract.Mapping;
import io.sensoretl.contract.Shape;
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
 * sink as valid or rejected with a reason. The straightforward implementation: the reference the
 * columnar fast path is proven equal to, and what that path hands any record it cannot decide. The
 * rules themselves are the {@link ChunkRules} objects both share; the dedupe window in them is per
 * chunk, so one instance serves one chunk.
 */
public final class ReadingMapper {
    private final Mapping mapping;
    private final ChunkRules rules;
    private final String sourceKey;
    private final String runId;
    private final String[] attributeValues;
    private Map<String, String> lastAttributes;

    public ReadingMapper(Contract contract, String sourceKey, String runId) {
        this(new ChunkRules(contract), sourceKey, runId);
    }

    public ReadingMapper(ChunkRules rules, String sourceKey, String runId) {
        this.rules = rules;
        this.mapping = rules.contract().mapping();
        this.sourceKey = sourceKey;
        this.runId = runId;
        this.attributeValues = new String[mapping.attributes().size()];
    }

    /** How many candidate readings a record that decodes cleanly yields. */
    public int candidatesPerRecord() {
        return candidatesPerRecord(mapping);
    }

    public static int candidatesPerRecord(Mapping mapping) {
        return mapping.shape() == Shape.WIDE ? mapping.columns().size() : 1;
    }

    public void map(RecordView record, ReadingSink sink) {
        String sensorId;
        long ts;
        Double lat;
        Double lon;
        Map<String, String> attributes;
        try {
            sensorId = rules.sensorId().check(record.string(mapping.sensorId()));
            ts = rules.timestamps().micros(record);
            lat = coordinate(record, mapping.lat(), rules.lat());
            lon = coordinate(record, mapping.lon(), rules.lon());
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
        CandidateRules c = rules.candidates();
        try {
            String metric = fixedMetric;
            if (metric == null) {
                metric = record.string(metricRef);
                if (metric == null) {
                    throw c.metricMissing(metricRef);
                }
            }
            metric = metric.trim();
            if (fixedMetric == null) {
                identifier(metric, metricRef, "metric");
            }
            Double raw = record.number(valueRef);
            if (raw == null) {
                throw c.valueMissing(valueRef, metric);
            }
            if (c.isSentinel(raw)) {
                throw c.sentinel(valueRef, metric, raw);
            }
            String unit = fixedUnit != null ? fixedUnit : (unitRef == null ? null : record.string(unitRef));
            unit = unit == null ? null : unit.trim();
            if (fixedUnit == null && unit != null) {
                identifier(unit, unitRef, "unit");
            }
            MetricUnit mu = c.resolve(metric, unit);
            if (mu.error() != null) {
                throw mu.error();
            }
            double value = mu.normalise(raw);
            if (!mu.inRange(value)) {
                throw mu.rangeError(value);
            }
            DedupeWindow dedupe = rules.dedupe();
            if (dedupe.enabled() && !dedupe.add(dedupe.key(DedupeWindow.hash(sensorId), ts, DedupeWindow.hash(metric), value,
                    DedupeWindow.hash(mu.unit()), lat != null, lat == null ? 0 : lat, lon != null, lon == null ? 0 : lon))) {
                throw dedupe.duplicateError();
            }
            sink.reading(new Reading(sensorId, ts, metric, value, mu.unit(), lat, lon, attributes, sourceKey, runId));
        } catch (FieldError e) {
            sink.reject(e.reason(), e.getMessage());
        }
    }

    /** Rejects an identifier holding a control or invisible format character ({@link CharacterRules}). */
    static void identifier(String value, FieldRef ref, String what) throws FieldError {
        int bad = CharacterRules.firstNotAllowedInIdentifier(value);
        if (bad >= 0) {
            throw new FieldError(RejectReason.INVALID_CHARACTER, ref.describe() + ": " + what + " contains "
                    + CharacterRules.describe(value, bad) + " at character " + bad
                    + "; control and invisible format characters are not allowed in identifiers");
        }
    }

    private static Double coordinate(RecordView record, FieldRef ref, CoordinateRule rule) throws FieldError {
        if (ref == null) {
            return null;
        }
        Double v = record.number(ref);
        rule.check(v);
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
}
