package io.sensoretl.transform;

import io.sensoretl.columnar.ByteDictionary;
import io.sensoretl.columnar.ReadingColumns;
import io.sensoretl.columnar.ReadingDictionaries;
import io.sensoretl.contract.Contract;
import io.sensoretl.contract.FieldRef;
import io.sensoretl.contract.FormatKind;
import io.sensoretl.contract.Mapping;
import io.sensoretl.contract.Shape;
import io.sensoretl.contract.TimeEncoding;
import io.sensoretl.contract.WideColumn;
import io.sensoretl.decode.DelimitedByteScanner;
import io.sensoretl.decode.DelimitedLineDecoder;
import io.sensoretl.decode.FieldError;
import io.sensoretl.decode.JsonByteScanner;
import io.sensoretl.decode.JsonFieldPlan;
import io.sensoretl.decode.JsonRecordView;
import io.sensoretl.decode.Numbers;
import io.sensoretl.decode.ScannedFields;
import io.sensoretl.reading.RejectReason;
import io.sensoretl.validate.CandidateRules;
import io.sensoretl.validate.ChunkRules;
import io.sensoretl.validate.CoordinateRule;
import io.sensoretl.validate.DedupeWindow;
import io.sensoretl.validate.FixedWidthPattern;
import io.sensoretl.validate.Iso8601;
import io.sensoretl.validate.MetricUnit;
import io.sensoretl.validate.TimestampParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columnar fast path for one chunk: maps a record's bytes to readings and rejects without a String,
 * an object or a parse tree per record. A byte scanner finds the contract's fields; the contract's rules
 * ({@link ChunkRules}, the very objects the reference mapper uses) are applied to primitives and to
 * dictionary entries, whose outcome (a sensor id's check, a (metric, unit) pair's conversion and range,
 * a reject's words) is worked out once per distinct value. A record it cannot decide with certainty is
 * left untouched ({@link #map} returns false) for the reference to map: every decision that can say "not
 * sure" is taken before anything is emitted or added to the dedupe window.
 */
final class FastRecordMapper {
    private static final byte UNKNOWN = 0;
    private static final byte OK = 1;
    private static final byte BAD = 2;

    private final Contract contract;
    private final Mapping mapping;
    private final ChunkRules rules;
    private final CandidateRules candidateRules;
    private final DedupeWindow dedupe;
    private ScannedFields fields;
    private final String sourceKey;
    private final String runId;
    private final int candidates;

    // where each field comes from: a scanner slot, or -1 with a constant
    private final int sensorSlot;
    private final String sensorConstant;
    private final int[] tsSlots;
    private final String[] tsConstants;
    private final TimeEncoding encoding;
    private final long microsPerUnit;
    private final FixedWidthPattern pattern;
    private final ZoneId zone;
    private final int latSlot;
    private final int lonSlot;
    private final int[] attributeSlots;
    private final String[] attributeConstants;
    private final String[] attributeNames;
    // long shape
    private final int metricSlot;
    private final String metricConstant;
    private final int valueSlot;
    private final int unitSlot;
    private final String unitConstant;
    // wide shape
    private final int[] columnSlots;

    private final FieldRef valueRef;
    private final List<WideColumn> columns;

    // per-chunk state, rebuilt when the dictionaries are cleared
    private ReadingDictionaries dicts;
    private int sourceKeyId;
    private int runIdId;
    private int[] attributeKeyIds;
    private int[] attributeConstantIds;
    private byte[] sensorState = new byte[64];
    private long[] sensorHash = new long[64];
    private Detail[] sensorError = new Detail[64];
    private byte[] metricKnown = new byte[64];
    private Detail[] valueMissingByMetric = new Detail[64];
    private Detail[][] sentinelByMetric = new Detail[64][];
    private Resolution[] wideResolutions;
    private Detail[] wideValueMissing;
    private Detail[][] wideSentinel;
    private final ResolutionTable resolutions = new ResolutionTable();
    private final DetailMemo memo = new DetailMemo();
    private final Detail sensorMissing;
    private final Detail metricMissing;
    private final Detail duplicate;
    private final long[] sentinels;
    private byte[] joined = new byte[64];
    private int sensorConstantId = -1;
    private long sensorConstantHash;
    private Detail sensorConstantError;

    private FastRecordMapper(Contract contract, ChunkRules rules, ScannedFields fields, Slots slots, String sourceKey,
            String runId) {
        this.contract = contract;
        this.mapping = contract.mapping();
        this.rules = rules;
        this.candidateRules = rules.candidates();
        this.dedupe = rules.dedupe();
        this.fields = fields;
        this.sourceKey = sourceKey;
        this.runId = runId;
        this.candidates = mapping.shape() == Shape.WIDE ? mapping.columns().size() : 1;
        this.sensorSlot = slots.text(mapping.sensorId());
        this.sensorConstant = constant(mapping.sensorId());
        List<FieldRef> ts = contract.timestamp().fields();
        this.encoding = contract.timestamp().encoding();
        this.microsPerUnit = TimestampParser.microsPerUnit(encoding);
        this.tsSlots = new int[ts.size()];
        this.tsConstants = new String[ts.size()];
        for (int i = 0; i < ts.size(); i++) {
            tsSlots[i] = microsPerUnit > 0 ? slots.number(ts.get(i)) : slots.text(ts.get(i));
            tsConstants[i] = constant(ts.get(i));
        }
        this.pattern = encoding == TimeEncoding.PATTERN ? FixedWidthPattern.compile(contract.timestamp().pattern()) : null;
        this.zone = contract.timestamp().zone().normalized();
        this.latSlot = mapping.lat() == null ? -1 : slots.number(mapping.lat());
        this.lonSlot = mapping.lon() == null ? -1 : slots.number(mapping.lon());
        int a = mapping.attributes().size();
        this.attributeSlots = new int[a];
        this.attributeConstants = new String[a];
        this.attributeNames = new String[a];
        int i = 0;
        // the same iteration order as the reference mapper: one Map instance, iterated the same way
        for (Map.Entry<String, FieldRef> e : mapping.attributes().entrySet()) {
            attributeNames[i] = e.getKey();
            attributeSlots[i] = slots.text(e.getValue());
            attributeConstants[i] = constant(e.getValue());
            i++;
        }
        if (mapping.shape() == Shape.LONG) {
            this.metricSlot = slots.text(mapping.metric());
            this.metricConstant = constant(mapping.metric());
            this.valueSlot = slots.number(mapping.value());
            this.unitSlot = mapping.unit() == null ? -1 : slots.text(mapping.unit());
            this.unitConstant = mapping.unit() == null ? null : constant(mapping.unit());
            this.columnSlots = null;
            this.valueRef = mapping.value();
            this.columns = null;
        } else {
            this.metricSlot = -1;
            this.metricConstant = null;
            this.valueSlot = -1;
            this.unitSlot = -1;
            this.unitConstant = null;
            this.columns = mapping.columns();
            this.columnSlots = new int[columns.size()];
            for (int c = 0; c < columnSlots.length; c++) {
                columnSlots[c] = slots.number(columns.get(c).value());
            }
            this.valueRef = null;
        }
        this.sensorMissing = new Detail(missing(() -> rules.sensorId().check(null)));
        this.metricMissing = mapping.metric() == null ? null : new Detail(candidateRules.metricMissing(mapping.metric()));
        this.duplicate = new Detail(dedupe.duplicateError());
        this.sentinels = contract.missingValues().stream().mapToDouble(Double::doubleValue).toArray().length == 0
                ? new long[0] : contract.missingValues().stream().mapToLong(Double::doubleToLongBits).toArray();
    }

    private interface Check {
        void run() throws FieldError;
    }

    private static FieldError missing(Check check) {
        try {
            check.run();
        } catch (FieldError e) {
            return e;
        }
        throw new IllegalStateException("the rule accepted a missing value");
    }

    private static String constant(FieldRef ref) {
        return ref instanceof FieldRef.Constant c ? c.value() : null;
    }

    /**
     * The fast path for a chunk of this contract, or null when the contract uses something it does not
     * handle (the reference then maps every record).
     *
     * @param delimited the chunk's delimited decoder (its header), for delimited contracts
     */
    static FastRecordMapper create(Contract contract, ChunkRules rules, JsonFieldPlan plan, DelimitedLineDecoder delimited,
            String sourceKey, String runId) {
        FormatKind kind = contract.format().kind();
        TimeEncoding enc = contract.timestamp().encoding();
        if (enc == TimeEncoding.PATTERN && FixedWidthPattern.compile(contract.timestamp().pattern()) == null) {
            return null;
        }
        try {
            if (kind == FormatKind.NDJSON && plan.streamable()) {
                JsonByteScanner scanner = new JsonByteScanner(plan);
                Slots slots = new Slots() {
                    @Override
                    int slot(FieldRef ref) {
                        return ref instanceof FieldRef.Pointer p ? scanner.slot(p.pointer()) : -2;
                    }
                };
                FastRecordMapper m = new FastRecordMapper(contract, rules, scanner, slots, sourceKey, runId);
                slots.apply(scanner);
                return slots.usable ? m : null;
            }
            if (kind == FormatKind.DELIMITED && !contract.format().multilineFields() && delimited != null) {
                List<Integer> columnsRead = new ArrayList<>();
                Map<FieldRef, Integer> slotOf = new LinkedHashMap<>();
                Slots slots = new Slots() {
                    @Override
                    int slot(FieldRef ref) {
                        if (!(ref instanceof FieldRef.Column col)) {
                            return -2;
                        }
                        int column = delimited.columnIndex(col);
                        if (column < 0) {
                            return -3; // no such column: every record is a reject the reference words
                        }
                        return slotOf.computeIfAbsent(ref, r -> {
                            columnsRead.add(column);
                            return columnsRead.size() - 1;
                        });
                    }
                };
                // slots are numbered while the mapper is built; the scanner is made for them afterwards
                FastRecordMapper m = new FastRecordMapper(contract, rules, null, slots, sourceKey, runId);
                if (!slots.usable || columnsRead.isEmpty()) {
                    return null;
                }
                DelimitedByteScanner scanner = new DelimitedByteScanner(contract.format(),
                        columnsRead.stream().mapToInt(Integer::intValue).toArray(), delimited::fieldCountOk);
                slots.apply(scanner);
                m.fields = scanner;
                return m;
            }
        } catch (IllegalArgumentException unsupported) {
            return null;
        }
        return null;
    }

    /** Hands out scanner slots for field references and remembers which are numeric. */
    private abstract static class Slots {
        boolean usable = true;
        private final Map<Integer, Boolean> numeric = new LinkedHashMap<>();

        abstract int slot(FieldRef ref);

        int text(FieldRef ref) {
            return resolve(ref, false);
        }

        int number(FieldRef ref) {
            if (ref instanceof FieldRef.Constant) {
                usable = false; // a numeric constant is parsed (and may fail) per record by the reference
                return -1;
            }
            return resolve(ref, true);
        }

        private int resolve(FieldRef ref, boolean isNumber) {
            if (ref instanceof FieldRef.Constant) {
                return -1;
            }
            int s = slot(ref);
            if (s < 0) {
                usable = false;
                return -1;
            }
            Boolean before = numeric.put(s, isNumber);
            if (before != null && before != isNumber) {
                usable = false; // one field read both as text and as a number
            }
            return s;
        }

        void apply(ScannedFields scanner) {
            numeric.forEach(scanner::numeric);
        }
    }

    /** A reject's reason and words, with its id in the rejects' detail dictionary once asked for. */
    private static final class Detail {
        final FieldError error;
        private int id = -1;
        private int generation;

        Detail(FieldError error) {
            this.error = error;
        }

        int id(ChunkOutput out) {
            int g = out.detailGeneration();
            if (id < 0 || generation != g) {
                id = out.detailId(error.getMessage());
                generation = g;
            }
            return id;
        }
    }

    /** What a (metric, unit) pair resolves to, with the ids and hashes a reading of it needs. */
    private static final class Resolution {
        final int index;
        final MetricUnit rule;
        final Detail error;
        final int metricId;
        final int unitId;
        final long metricHash;
        final long unitHash;

        Resolution(int index, MetricUnit rule, int metricId, int unitId) {
            this.index = index;
            this.rule = rule;
            this.error = rule.error() == null ? null : new Detail(rule.error());
            this.metricId = metricId;
            this.unitId = unitId;
            this.metricHash = DedupeWindow.hash(rule.metric());
            this.unitHash = DedupeWindow.hash(rule.unit());
        }
    }

    /** (metric id, unit id) to resolution, open addressing over longs. */
    private static final class ResolutionTable {
        private long[] keys = new long[64];
        private Resolution[] values = new Resolution[64];
        private int size;

        Resolution get(long key) {
            int mask = keys.length - 1;
            for (int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask; ; slot = (slot + 1) & mask) {
                Resolution r = values[slot];
                if (r == null || keys[slot] == key) {
                    return r;
                }
            }
        }

        void put(long key, Resolution r) {
            if (++size * 2 > keys.length) {
                long[] oldKeys = keys;
                Resolution[] oldValues = values;
                keys = new long[oldKeys.length * 2];
                values = new Resolution[oldKeys.length * 2];
                for (int i = 0; i < oldKeys.length; i++) {
                    if (oldValues[i] != null) {
                        insert(oldKeys[i], oldValues[i]);
                    }
                }
            }
            insert(key, r);
        }

        private void insert(long key, Resolution r) {
            int mask = keys.length - 1;
            int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
            while (values[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            values[slot] = r;
        }

        int size() {
            return size;
        }

        void clear() {
            Arrays.fill(values, null);
            size = 0;
        }
    }

    /** Rejects whose words depend on a value (out of range, invalid coordinate): remembered by (rule, value), bounded. */
    private static final class DetailMemo {
        private static final int MAX = 1 << 12;
        private final int[] rule = new int[MAX * 2];
        private final long[] bits = new long[MAX * 2];
        private final Detail[] details = new Detail[MAX * 2];
        private int size;

        Detail get(int ruleIndex, double value) {
            long b = Double.doubleToRawLongBits(value);
            int mask = details.length - 1;
            for (int slot = slot(ruleIndex, b, mask); ; slot = (slot + 1) & mask) {
                Detail d = details[slot];
                if (d == null || (rule[slot] == ruleIndex && bits[slot] == b)) {
                    return d;
                }
            }
        }

        void put(int ruleIndex, double value, Detail d) {
            if (size >= MAX) {
                Arrays.fill(details, null);
                size = 0;
            }
            long b = Double.doubleToRawLongBits(value);
            int mask = details.length - 1;
            int slot = slot(ruleIndex, b, mask);
            while (details[slot] != null) {
                slot = (slot + 1) & mask;
            }
            rule[slot] = ruleIndex;
            bits[slot] = b;
            details[slot] = d;
            size++;
        }

        private static int slot(int ruleIndex, long b, int mask) {
            return (int) (((b ^ ((long) ruleIndex << 48)) * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        }
    }

    private static final int LAT_RULE = -1;
    private static final int LON_RULE = -2;

    private int boundGeneration = -1;
    private int[] attributeIds;
    private Resolution constantMetricResolutionCache;

    /** Binds the mapper to the chunk's dictionaries; again after they were cleared (cached ids are dropped). */
    void bind(ReadingDictionaries d) {
        dicts = d;
        boundGeneration = d.generation();
        sourceKeyId = d.sourceKeys.intern(sourceKey);
        runIdId = d.runIds.intern(runId);
        attributeKeyIds = new int[attributeNames.length];
        attributeConstantIds = new int[attributeNames.length];
        attributeIds = new int[attributeNames.length];
        for (int i = 0; i < attributeNames.length; i++) {
            attributeKeyIds[i] = d.attributeKeys.intern(attributeNames[i]);
            attributeConstantIds[i] = attributeConstants[i] == null ? ReadingColumns.NO_VALUE
                    : d.attributeValues.intern(attributeConstants[i]);
        }
        Arrays.fill(sensorState, UNKNOWN);
        Arrays.fill(sensorError, null);
        Arrays.fill(metricKnown, UNKNOWN);
        Arrays.fill(valueMissingByMetric, null);
        Arrays.fill(sentinelByMetric, null);
        resolutions.clear();
        if (sensorConstant != null) {
            sensorConstantId = d.sensorIds.intern(sensorConstant.trim());
            try {
                rules.sensorId().check(sensorConstant);
                sensorConstantError = null;
                sensorConstantHash = DedupeWindow.hash(sensorConstant.trim());
            } catch (FieldError e) {
                sensorConstantError = new Detail(e);
            }
        }
        if (columns != null) {
            int n = columns.size();
            wideResolutions = new Resolution[n];
            wideValueMissing = new Detail[n];
            wideSentinel = new Detail[n][sentinels.length];
            for (int c = 0; c < n; c++) {
                WideColumn col = columns.get(c);
                String metric = col.metric().trim();
                String unit = col.unit() == null ? null : col.unit().trim();
                wideResolutions[c] = resolution(d.metrics.intern(metric), unit == null ? -1 : d.units.intern(unit));
                wideValueMissing[c] = new Detail(candidateRules.valueMissing(col.value(), metric));
                for (int k = 0; k < sentinels.length; k++) {
                    wideSentinel[c][k] = new Detail(candidateRules.sentinel(col.value(), metric, Double.longBitsToDouble(sentinels[k])));
                }
            }
        }
        constantMetricResolutionCache = null;
    }

    /** The resolution of a metric id and an input unit id (-1: no unit), worked out on first use. */
    private Resolution resolution(int metricId, int unitId) {
        long key = ((long) metricId << 32) | (unitId + 1L);
        Resolution r = resolutions.get(key);
        if (r == null) {
            MetricUnit mu = candidateRules.resolve(dicts.metrics.string(metricId), unitId < 0 ? null : dicts.units.string(unitId));
            int outUnit = mu.unit() == null ? ReadingColumns.NO_VALUE : dicts.units.intern(mu.unit());
            r = new Resolution(resolutions.size(), mu, metricId, outUnit);
            resolutions.put(key, r);
        }
        return r;
    }

    /**
     * Maps one record. Returns false, having emitted nothing and touched no state, when the reference
     * must decide the record.
     *
     * @param out where readings and rejects go; {@code null} to only learn the dedupe keys of valid
     *            readings (the records just before a chunk)
     */
    boolean map(byte[] line, int length, long offset, ChunkOutput out) throws IOException {
        if (dicts.generation() != boundGeneration) {
            bind(dicts);
        }
        ScannedFields f = fields;
        if (!f.scan(line, length)) {
            return false;
        }
        timeError = null;
        long ts = timestamp(f);
        if (ts == Iso8601.UNPARSED) {
            return false;
        }
        byte[] b = f.bytes();
        // record-level rules, in the reference's order: sensor id, time, latitude, longitude
        Detail error = null;
        int sensorId;
        long sensorHashValue;
        if (sensorSlot < 0) {
            sensorId = sensorConstantId;
            sensorHashValue = sensorConstantHash;
            error = sensorConstantError;
        } else if (f.kind(sensorSlot) != ScannedFields.TEXT) {
            sensorId = -1;
            sensorHashValue = 0;
            error = sensorMissing;
        } else {
            int s = f.start(sensorSlot);
            int e = f.end(sensorSlot);
            while (s < e && b[s] == ' ') {
                s++;
            }
            while (e > s && b[e - 1] == ' ') {
                e--;
            }
            sensorId = dicts.sensorIds.intern(b, s, e);
            if (sensorId >= sensorState.length) {
                growSensors(dicts.sensorIds.size());
            }
            if (sensorState[sensorId] == UNKNOWN) {
                String id = dicts.sensorIds.string(sensorId);
                try {
                    rules.sensorId().check(id);
                    sensorHash[sensorId] = DedupeWindow.hash(id);
                    sensorState[sensorId] = OK;
                } catch (FieldError fe) {
                    sensorError[sensorId] = new Detail(fe);
                    sensorState[sensorId] = BAD;
                }
            }
            sensorHashValue = sensorHash[sensorId];
            if (sensorState[sensorId] == BAD) {
                error = sensorError[sensorId];
            }
        }
        if (error == null && timeError != null) {
            error = new Detail(timeError);
        }
        boolean hasLat = false;
        double lat = 0;
        boolean hasLon = false;
        double lon = 0;
        if (error == null && latSlot >= 0 && f.kind(latSlot) != ScannedFields.ABSENT) {
            try {
                lat = number(f, latSlot, mapping.lat());
                hasLat = true;
                if (!rules.lat().valid(lat)) {
                    error = coordinateError(LAT_RULE, rules.lat(), lat);
                }
            } catch (FieldError e) {
                error = new Detail(e);
            }
        }
        if (error == null && lonSlot >= 0 && f.kind(lonSlot) != ScannedFields.ABSENT) {
            try {
                lon = number(f, lonSlot, mapping.lon());
                hasLon = true;
                if (!rules.lon().valid(lon)) {
                    error = coordinateError(LON_RULE, rules.lon(), lon);
                }
            } catch (FieldError e) {
                error = new Detail(e);
            }
        }
        if (error != null) {
            if (out != null) {
                for (int c = 0; c < candidates; c++) {
                    reject(out, error, line, length, offset);
                }
            }
            return true;
        }
        for (int i = 0; i < attributeSlots.length; i++) {
            int slot = attributeSlots[i];
            if (slot < 0) {
                attributeIds[i] = attributeConstantIds[i];
            } else if (f.kind(slot) == ScannedFields.TEXT) {
                attributeIds[i] = dicts.attributeValues.intern(b, f.start(slot), f.end(slot));
            } else {
                attributeIds[i] = ReadingColumns.NO_VALUE;
            }
        }
        if (columns == null) {
            longCandidate(f, b, ts, sensorId, sensorHashValue, hasLat, lat, hasLon, lon, line, length, offset, out);
        } else {
            for (int c = 0; c < columnSlots.length; c++) {
                wideCandidate(c, f, ts, sensorId, sensorHashValue, hasLat, lat, hasLon, lon, line, length, offset, out);
            }
        }
        return true;
    }

    private void longCandidate(ScannedFields f, byte[] b, long ts, int sensorId, long sensorHashValue, boolean hasLat,
            double lat, boolean hasLon, double lon, byte[] line, int length, long offset, ChunkOutput out) throws IOException {
        int metricId;
        if (metricSlot < 0) {
            metricId = dicts.metrics.intern(metricConstant.trim());
        } else if (f.kind(metricSlot) != ScannedFields.TEXT) {
            reject(out, metricMissing, line, length, offset);
            return;
        } else {
            metricId = trimmedId(dicts.metrics, b, f.start(metricSlot), f.end(metricSlot));
        }
        if (metricId >= metricKnown.length) {
            growMetrics(dicts.metrics.size());
        }
        if (f.kind(valueSlot) == ScannedFields.ABSENT) {
            Detail d = valueMissingByMetric[metricId];
            if (d == null) {
                d = new Detail(candidateRules.valueMissing(valueRef, dicts.metrics.string(metricId)));
                valueMissingByMetric[metricId] = d;
            }
            reject(out, d, line, length, offset);
            return;
        }
        double raw;
        try {
            raw = number(f, valueSlot, valueRef);
        } catch (FieldError e) {
            reject(out, new Detail(e), line, length, offset);
            return;
        }
        int sentinel = sentinel(raw);
        if (sentinel >= 0) {
            Detail[] byValue = sentinelByMetric[metricId];
            if (byValue == null) {
                byValue = new Detail[sentinels.length];
                sentinelByMetric[metricId] = byValue;
            }
            if (byValue[sentinel] == null) {
                byValue[sentinel] = new Detail(candidateRules.sentinel(valueRef, dicts.metrics.string(metricId), raw));
            }
            reject(out, byValue[sentinel], line, length, offset);
            return;
        }
        int unitId = -1;
        if (unitSlot >= 0) {
            if (f.kind(unitSlot) == ScannedFields.TEXT) {
                unitId = trimmedId(dicts.units, b, f.start(unitSlot), f.end(unitSlot));
            }
        } else if (unitConstant != null) {
            unitId = dicts.units.intern(unitConstant.trim());
        }
        candidate(resolution(metricId, unitId), raw, ts, sensorId, sensorHashValue, hasLat, lat, hasLon, lon, line, length,
                offset, out);
    }

    private void wideCandidate(int c, ScannedFields f, long ts, int sensorId, long sensorHashValue, boolean hasLat, double lat,
            boolean hasLon, double lon, byte[] line, int length, long offset, ChunkOutput out) throws IOException {
        int slot = columnSlots[c];
        if (f.kind(slot) == ScannedFields.ABSENT) {
            reject(out, wideValueMissing[c], line, length, offset);
            return;
        }
        double raw;
        try {
            raw = number(f, slot, columns.get(c).value());
        } catch (FieldError e) {
            reject(out, new Detail(e), line, length, offset);
            return;
        }
        int sentinel = sentinel(raw);
        if (sentinel >= 0) {
            reject(out, wideSentinel[c][sentinel], line, length, offset);
            return;
        }
        candidate(wideResolutions[c], raw, ts, sensorId, sensorHashValue, hasLat, lat, hasLon, lon, line, length, offset, out);
    }

    private void candidate(Resolution r, double raw, long ts, int sensorId, long sensorHashValue, boolean hasLat, double lat,
            boolean hasLon, double lon, byte[] line, int length, long offset, ChunkOutput out) throws IOException {
        if (r.error != null) {
            reject(out, r.error, line, length, offset);
            return;
        }
        double value = r.rule.normalise(raw);
        if (!r.rule.inRange(value)) {
            Detail d = memo.get(r.index, value);
            if (d == null) {
                d = new Detail(r.rule.rangeError(value));
                memo.put(r.index, value, d);
            }
            reject(out, d, line, length, offset);
            return;
        }
        if (dedupe.enabled() && !dedupe.add(dedupe.key(sensorHashValue, ts, r.metricHash, value, r.unitHash, hasLat, lat,
                hasLon, lon))) {
            reject(out, duplicate, line, length, offset);
            return;
        }
        if (out == null) {
            return;
        }
        ReadingColumns batch = out.batch(ts);
        batch.add(sensorId, ts, r.metricId, value, r.unitId, hasLat, lat, hasLon, lon, sourceKeyId, runIdId);
        for (int i = 0; i < attributeIds.length; i++) {
            if (attributeIds[i] != ReadingColumns.NO_VALUE) {
                batch.addAttribute(attributeKeyIds[i], attributeIds[i]);
            }
        }
    }

    /**
     * A numeric slot's value where the reference calls {@code number(ref)}: the parsed number, a quoted
     * number parsed by the reference's own parser, or the reference's error for anything else.
     */
    private static double number(ScannedFields f, int slot, FieldRef ref) throws FieldError {
        byte k = f.kind(slot);
        if (k == ScannedFields.NUMBER) {
            return f.number(slot);
        }
        String text = new String(f.bytes(), f.start(slot), f.end(slot) - f.start(slot), StandardCharsets.US_ASCII);
        return switch (k) {
            case ScannedFields.QUOTED -> Numbers.parse(text, '.', ref.describe());
            case ScannedFields.NOT_FINITE -> throw JsonRecordView.notFinite(ref, text);
            case ScannedFields.BOOLEAN -> throw JsonRecordView.notANumber(ref, "boolean", text);
            default -> throw new IllegalStateException("slot " + slot + " holds no value");
        };
    }

    private Detail coordinateError(int ruleIndex, CoordinateRule rule, double v) {
        Detail d = memo.get(ruleIndex, v);
        if (d == null) {
            d = new Detail(rule.error(v));
            memo.put(ruleIndex, v, d);
        }
        return d;
    }

    /** Index of the missing-value sentinel equal to {@code raw} (as {@code Double.equals} compares), or -1. */
    private int sentinel(double raw) {
        long bits = Double.doubleToLongBits(raw);
        for (int i = 0; i < sentinels.length; i++) {
            if (sentinels[i] == bits) {
                return i;
            }
        }
        return -1;
    }

    private static int trimmedId(ByteDictionary d, byte[] b, int s, int e) {
        while (s < e && b[s] == ' ') {
            s++;
        }
        while (e > s && b[e - 1] == ' ') {
            e--;
        }
        return d.intern(b, s, e);
    }

    private void reject(ChunkOutput out, Detail d, byte[] line, int length, long offset) {
        if (out == null) {
            return;
        }
        out.rawBytes(line, length);
        out.reject(d.error.reason(), d.id(out), offset);
    }

    /** The record's time: an epoch number, or the (joined, trimmed) text parsed as ISO-8601 or the pattern. */
    private long timestamp(ScannedFields f) {
        if (microsPerUnit > 0) {
            int s = tsSlots[0];
            if (f.kind(s) == ScannedFields.ABSENT) {
                timeError = rules.timestamps().missing();
                return 0;
            }
            if (f.kind(s) != ScannedFields.NUMBER) {
                return Iso8601.UNPARSED;
            }
            long micros = TimestampParser.epochMicros(f.number(s), microsPerUnit);
            return TimestampParser.inRange(micros) ? micros : Iso8601.UNPARSED;
        }
        byte[] b;
        int from;
        int to;
        boolean single = tsSlots.length == 1 && tsConstants[0] == null;
        if (single) {
            int s = tsSlots[0];
            if (f.kind(s) == ScannedFields.ABSENT) {
                timeError = rules.timestamps().missing();
                return 0;
            }
            if (f.kind(s) != ScannedFields.TEXT) {
                return Iso8601.UNPARSED;
            }
            b = f.bytes();
            from = f.start(s);
            to = f.end(s);
        } else {
            int n = 0;
            for (int i = 0; i < tsSlots.length; i++) {
                byte[] part;
                int s;
                int e;
                if (tsConstants[i] != null) {
                    part = tsConstantBytes(i);
                    if (part == null) {
                        return Iso8601.UNPARSED;
                    }
                    s = 0;
                    e = part.length;
                } else if (f.kind(tsSlots[i]) == ScannedFields.TEXT) {
                    part = f.bytes();
                    s = f.start(tsSlots[i]);
                    e = f.end(tsSlots[i]);
                } else {
                    return Iso8601.UNPARSED; // a missing part: the reference words it
                }
                while (s < e && part[s] == ' ') {
                    s++;
                }
                while (e > s && part[e - 1] == ' ') {
                    e--;
                }
                if (n + (e - s) + 1 > joined.length) {
                    joined = Arrays.copyOf(joined, (n + (e - s) + 1) * 2);
                }
                if (i > 0) {
                    joined[n++] = ' ';
                }
                System.arraycopy(part, s, joined, n, e - s);
                n += e - s;
            }
            b = joined;
            from = 0;
            to = n;
        }
        int rawFrom = from;
        int rawTo = to;
        while (from < to && b[from] == ' ') {
            from++;
        }
        while (to > from && b[to - 1] == ' ') {
            to--;
        }
        long micros = encoding == TimeEncoding.ISO8601 ? Iso8601.parseMicros(b, from, to, zone, dateCache)
                : pattern.parseMicros(b, from, to, zone);
        if (single && encoding == TimeEncoding.ISO8601) {
            if (micros == Iso8601.UNPARSED && Iso8601.certainlyInvalid(b, from, to)) {
                timeError = rules.timestamps().unparseableIso(new String(b, from, to - from, StandardCharsets.US_ASCII));
                return 0;
            }
            if (micros != Iso8601.UNPARSED && !TimestampParser.inRange(micros)) {
                timeError = rules.timestamps().outOfRange(new String(b, rawFrom, rawTo - rawFrom, StandardCharsets.US_ASCII));
                return 0;
            }
        }
        return micros == Iso8601.UNPARSED || !TimestampParser.inRange(micros) ? Iso8601.UNPARSED : micros;
    }

    /** Set by {@link #timestamp} when the record's time is certainly unusable, with the reference's words. */
    private FieldError timeError;

    private final Iso8601.DateCache dateCache = new Iso8601.DateCache();
    private byte[][] tsConstantBytes;

    /** A constant timestamp part as bytes, or null when it is not printable ASCII. */
    private byte[] tsConstantBytes(int i) {
        if (tsConstantBytes == null) {
            tsConstantBytes = new byte[tsConstants.length][];
            for (int k = 0; k < tsConstants.length; k++) {
                String c = tsConstants[k];
                if (c != null && c.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7F)) {
                    tsConstantBytes[k] = c.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                }
            }
        }
        return tsConstantBytes[i];
    }

    private void growSensors(int n) {
        int size = Math.max(n, sensorState.length * 2);
        sensorState = Arrays.copyOf(sensorState, size);
        sensorHash = Arrays.copyOf(sensorHash, size);
        sensorError = Arrays.copyOf(sensorError, size);
    }

    private void growMetrics(int n) {
        int size = Math.max(n, metricKnown.length * 2);
        metricKnown = Arrays.copyOf(metricKnown, size);
        valueMissingByMetric = Arrays.copyOf(valueMissingByMetric, size);
        sentinelByMetric = Arrays.copyOf(sentinelByMetric, size);
    }
}
