package io.sensoretl.contract;

import com.fasterxml.jackson.core.JsonPointer;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a contract tree into a {@link Contract}, recording every problem on the way. */
final class ContractParser {
    /** The keys of {@code format}; the docs' table and the JSON schema list the same (ContractDocsTest). */
    static final Set<String> FORMAT_KEYS = Set.of("type", "delimiter", "quote", "header", "decimalSeparator",
            "multilineFields", "maxRecordBytes", "dataColumns", "rowNames");
    private static final Set<String> CANONICAL_FIELDS = Set.of("sensor_id", "ts", "metric", "value", "unit", "lat", "lon");

    private final Cursor root;
    private FormatKind kind = FormatKind.NDJSON;

    ContractParser(Cursor root) {
        this.root = root;
    }

    Contract contract() {
        if (!root.requireObject()) {
            return null;
        }
        root.allowOnly(Set.of("version", "name", "description", "format", "mapping", "timestamp", "missingValues",
                "metrics", "rejectUnknownMetrics", "conversions", "dedupe", "partitioning", "rejects"));
        int version = root.child("version").integer(-1, 1, Contract.CURRENT_VERSION);
        if (version == -1 && !root.child("version").present()) {
            root.child("version").problem("required; this loader reads contract version " + Contract.CURRENT_VERSION);
        }
        String name = root.child("name").string(true, "unnamed");
        Format format = format(root.child("format"));
        Mapping mapping = mapping(root.child("mapping"));
        TimestampSpec ts = timestamp(root.child("timestamp"));
        Set<Double> missing = new LinkedHashSet<>();
        for (Cursor c : root.child("missingValues").elements()) {
            Double d = c.number(true);
            if (d != null) {
                missing.add(d);
            }
        }
        if (root.child("missingValues").present() && !root.child("missingValues").node().isArray()) {
            root.child("missingValues").problem("expected a list of numbers");
        }
        Map<String, MetricRule> metrics = metrics(root.child("metrics"));
        boolean rejectUnknown = root.child("rejectUnknownMetrics").bool(false);
        if (rejectUnknown && metrics.isEmpty()) {
            root.child("rejectUnknownMetrics").problem("is true but no metrics are listed, so every reading would be rejected");
        }
        var conversions = conversions(root.child("conversions"));
        Cursor dedupe = root.child("dedupe");
        List<String> dedupeKey = List.of("sensor_id", "ts", "metric");
        int window = 100_000;
        if (dedupe.present() && dedupe.requireObject()) {
            dedupe.allowOnly(Set.of("key", "window"));
            dedupeKey = dedupeKey(dedupe.child("key"), dedupeKey);
            window = dedupe.child("window").integer(window, 0, 10_000_000);
        }
        Partitioning partitioning = root.child("partitioning").choice(Partitioning.class, Partitioning.DAY, Map.of("dt", Partitioning.DAY));
        int maxRaw = 4096;
        Cursor rejects = root.child("rejects");
        if (rejects.present() && rejects.requireObject()) {
            rejects.allowOnly(Set.of("maxRawBytes"));
            maxRaw = rejects.child("maxRawBytes").integer(maxRaw, 64, 1 << 20);
        }
        checkWideUnits(mapping, metrics, conversions);
        return new Contract(version, name, format, mapping, ts, Set.copyOf(missing), Map.copyOf(metrics), rejectUnknown,
                conversions, dedupeKey, window, partitioning, maxRaw);
    }

    private Format format(Cursor c) {
        if (!c.requireObject()) {
            return null;
        }
        c.allowOnly(FORMAT_KEYS);
        kind = c.child("type").choice(FormatKind.class, null,
                Map.of("ndjson", FormatKind.NDJSON, "json_array", FormatKind.JSON_ARRAY, "delimited", FormatKind.DELIMITED));
        if (kind == null) {
            kind = FormatKind.NDJSON;
        }
        if (kind != FormatKind.DELIMITED) {
            for (String k : List.of("delimiter", "quote", "header", "decimalSeparator", "multilineFields", "dataColumns",
                    "rowNames")) {
                if (c.child(k).present()) {
                    c.child(k).problem("only applies to format type delimited, not " + kind.id());
                }
            }
        }
        char delimiter = c.child("delimiter").character(',');
        char quote = c.child("quote").character('"');
        boolean header = c.child("header").bool(true);
        char decimal = c.child("decimalSeparator").character('.');
        if (decimal != '.' && decimal != ',') {
            c.child("decimalSeparator").problem("expected \".\" or \",\", found \"" + decimal + "\"");
        }
        if (kind == FormatKind.DELIMITED && decimal == delimiter) {
            c.child("decimalSeparator").problem("must differ from the delimiter \"" + delimiter + "\"");
        }
        if (delimiter == quote) {
            c.child("quote").problem("must differ from the delimiter");
        }
        for (String k : List.of("delimiter", "quote")) {
            char ch = k.equals("delimiter") ? delimiter : quote;
            if (ch == '\n' || ch == '\r') {
                c.child(k).problem("a line break cannot be the " + k + ": it ends records");
            }
        }
        boolean multiline = c.child("multilineFields").bool(false);
        if (multiline && kind == FormatKind.DELIMITED && (delimiter > 0x7F || quote > 0x7F)) {
            // records are found in the bytes before they are decoded: the quote and delimiter must be single bytes
            c.child("multilineFields").problem("needs an ASCII delimiter and quote character, found delimiter \""
                    + delimiter + "\" and quote \"" + quote + "\"");
        }
        int maxRecord = c.child("maxRecordBytes").integer(Format.DEFAULT_MAX_RECORD_BYTES, 64, 64 * 1024 * 1024);
        int dataColumns = c.child("dataColumns").integer(0, 1, 100_000);
        boolean rowNames = c.child("rowNames").bool(false);
        if (rowNames && !header) {
            c.child("rowNames").problem("needs header: true (the row-name column is the one the header does not name)");
        }
        return new Format(kind, delimiter, quote, header, decimal, multiline, maxRecord, dataColumns, rowNames);
    }

    private Mapping mapping(Cursor c) {
        if (!c.requireObject()) {
            return null;
        }
        c.allowOnly(Set.of("shape", "sensorId", "metric", "value", "unit", "lat", "lon", "attributes", "columns"));
        Shape shape = c.child("shape").choice(Shape.class, Shape.LONG, Map.of("long", Shape.LONG, "wide", Shape.WIDE));
        FieldRef sensor = ref(c.child("sensorId"), true);
        FieldRef metric = null;
        FieldRef value = null;
        FieldRef unit = ref(c.child("unit"), false);
        List<WideColumn> columns = new ArrayList<>();
        if (shape == Shape.LONG) {
            metric = ref(c.child("metric"), true);
            value = ref(c.child("value"), true);
            if (c.child("columns").present()) {
                c.child("columns").problem("only applies to shape wide");
            }
        } else {
            for (String k : List.of("metric", "value", "unit")) {
                if (c.child(k).present()) {
                    c.child(k).problem("not used in shape wide: each entry of columns names its metric and unit");
                }
            }
            Cursor cols = c.child("columns");
            if (!cols.present() || !cols.node().isArray() || cols.node().isEmpty()) {
                cols.problem("shape wide needs a non-empty list of value columns");
            }
            Set<String> seen = new LinkedHashSet<>();
            for (Cursor col : cols.elements()) {
                if (!col.requireObject()) {
                    continue;
                }
                col.allowOnly(Set.of("column", "pointer", "metric", "unit"));
                FieldRef v = col.child("pointer").present() ? ref(col.child("pointer"), true) : columnRef(col.child("column"));
                String m = col.child("metric").string(true, null);
                String u = col.child("unit").string(false, null);
                if (m != null && !seen.add(m)) {
                    col.child("metric").problem("metric \"" + m + "\" is listed twice");
                }
                if (v != null && m != null) {
                    columns.add(new WideColumn(v, m, u));
                }
            }
        }
        Map<String, FieldRef> attrs = new LinkedHashMap<>();
        Cursor a = c.child("attributes");
        if (a.present() && a.requireObject()) {
            for (String k : a.fieldNames()) {
                FieldRef r = ref(a.child(k), true);
                if (r != null) {
                    attrs.put(k, r);
                }
            }
        }
        return new Mapping(shape, sensor, metric, value, unit, ref(c.child("lat"), false), ref(c.child("lon"), false),
                // in the contract's order: Map.copyOf iterates in an order that changes from JVM to JVM, and the
                // attributes are written in iteration order, so a retried chunk would not write the same bytes
                java.util.Collections.unmodifiableMap(attrs), List.copyOf(columns));
    }

    private FieldRef columnRef(Cursor c) {
        if (!c.present()) {
            c.problem("required: the column (header name, or {column: N} by 1-based position) holding the value");
            return null;
        }
        return ref(c, true);
    }

    /** A field reference: JSON pointer for JSON formats, column name or {column: N} for delimited, {constant: x} anywhere. */
    private FieldRef ref(Cursor c, boolean required) {
        if (!c.present()) {
            if (required) {
                c.problem("required field reference is missing");
            }
            return null;
        }
        if (c.node().isObject()) {
            c.allowOnly(Set.of("constant", "column"));
            if (c.child("constant").present()) {
                String v = c.child("constant").string(true, null);
                return v == null ? null : new FieldRef.Constant(v);
            }
            if (c.child("column").present()) {
                if (kind != FormatKind.DELIMITED) {
                    c.child("column").problem("column positions only apply to format type delimited");
                    return null;
                }
                int pos = c.child("column").integer(0, 1, 100_000);
                return pos == 0 ? null : new FieldRef.Column(null, pos);
            }
            c.problem("expected {constant: value} or {column: N}");
            return null;
        }
        String s = c.string(true, null);
        if (s == null) {
            return null;
        }
        if (kind == FormatKind.DELIMITED) {
            if (s.isEmpty()) {
                c.problem("expected a column name, found an empty string");
                return null;
            }
            return new FieldRef.Column(s, 0);
        }
        if (!s.startsWith("/")) {
            c.problem("expected a JSON pointer starting with \"/\" (e.g. \"/device/id\"), found \"" + s + "\"");
            return null;
        }
        try {
            return new FieldRef.Pointer(JsonPointer.compile(s));
        } catch (IllegalArgumentException e) {
            c.problem("invalid JSON pointer \"" + s + "\": " + e.getMessage());
            return null;
        }
    }

    private TimestampSpec timestamp(Cursor c) {
        if (!c.requireObject()) {
            return null;
        }
        c.allowOnly(Set.of("fields", "encoding", "pattern", "zone"));
        List<FieldRef> fields = new ArrayList<>();
        Cursor f = c.child("fields");
        if (f.present() && f.node().isArray()) {
            for (Cursor e : f.elements()) {
                FieldRef r = ref(e, true);
                if (r != null) {
                    fields.add(r);
                }
            }
            if (f.node().isEmpty()) {
                f.problem("expected at least one field");
            }
        } else {
            FieldRef r = ref(f, true);
            if (r != null) {
                fields.add(r);
            }
        }
        TimeEncoding enc = c.child("encoding").choice(TimeEncoding.class, TimeEncoding.ISO8601, Map.of(
                "iso8601", TimeEncoding.ISO8601, "pattern", TimeEncoding.PATTERN, "epoch_s", TimeEncoding.EPOCH_SECONDS,
                "epoch_ms", TimeEncoding.EPOCH_MILLIS, "epoch_us", TimeEncoding.EPOCH_MICROS));
        String pattern = c.child("pattern").string(enc == TimeEncoding.PATTERN, null);
        DateTimeFormatter formatter = null;
        if (pattern != null) {
            if (enc != TimeEncoding.PATTERN) {
                c.child("pattern").problem("only applies to encoding pattern");
            }
            try {
                formatter = DateTimeFormatter.ofPattern(pattern, java.util.Locale.ROOT);
            } catch (IllegalArgumentException e) {
                c.child("pattern").problem("invalid date-time pattern \"" + pattern + "\": " + e.getMessage());
            }
        }
        if (enc != TimeEncoding.PATTERN && enc != TimeEncoding.ISO8601 && fields.size() > 1) {
            f.problem("epoch timestamps come from exactly one field, found " + fields.size());
        }
        ZoneId zone = ZoneOffset.UTC;
        String z = c.child("zone").string(false, null);
        if (z != null) {
            try {
                zone = ZoneId.of(z);
            } catch (DateTimeException e) {
                c.child("zone").problem("unknown time zone \"" + z + "\" (use an IANA name such as Europe/Rome, or UTC)");
            }
        }
        return new TimestampSpec(List.copyOf(fields), enc, pattern, formatter, zone);
    }

    private Map<String, MetricRule> metrics(Cursor c) {
        Map<String, MetricRule> out = new LinkedHashMap<>();
        if (!c.present()) {
            return out;
        }
        if (!c.requireObject()) {
            return out;
        }
        for (String name : c.fieldNames()) {
            Cursor m = c.child(name);
            if (!m.requireObject()) {
                continue;
            }
            m.allowOnly(Set.of("unit", "min", "max"));
            String unit = m.child("unit").string(false, null);
            Double min = m.child("min").number(false);
            Double max = m.child("max").number(false);
            if (min != null && max != null && min > max) {
                m.child("min").problem("min " + min + " is greater than max " + max);
            }
            out.put(name, new MetricRule(unit, min, max));
        }
        return out;
    }

    private Map<String, Map<String, UnitConversion>> conversions(Cursor c) {
        Map<String, Map<String, UnitConversion>> out = new LinkedHashMap<>();
        if (!c.present()) {
            return out;
        }
        if (!c.node().isArray()) {
            c.problem("expected a list of {from, to, scale, offset}");
            return out;
        }
        for (Cursor e : c.elements()) {
            if (!e.requireObject()) {
                continue;
            }
            e.allowOnly(Set.of("from", "to", "scale", "offset"));
            String from = e.child("from").string(true, null);
            String to = e.child("to").string(true, null);
            Double scale = e.child("scale").number(false);
            Double offset = e.child("offset").number(false);
            if (scale != null && scale == 0) {
                e.child("scale").problem("a scale of 0 would map every value to the offset");
            }
            if (from != null && to != null) {
                if (from.equals(to)) {
                    e.child("to").problem("converts \"" + from + "\" to itself");
                }
                UnitConversion uc = new UnitConversion(from, to, scale == null ? 1 : scale, offset == null ? 0 : offset);
                if (out.computeIfAbsent(from, k -> new LinkedHashMap<>()).put(to, uc) != null) {
                    e.problem("a conversion from \"" + from + "\" to \"" + to + "\" is already defined");
                }
            }
        }
        out.replaceAll((k, v) -> Map.copyOf(v));
        return Map.copyOf(out);
    }

    private List<String> dedupeKey(Cursor c, List<String> fallback) {
        if (!c.present()) {
            return fallback;
        }
        List<String> key = new ArrayList<>();
        for (Cursor e : c.elements()) {
            String s = e.string(true, null);
            if (s != null && !CANONICAL_FIELDS.contains(s)) {
                e.problem("expected a canonical field (" + new java.util.TreeSet<>(CANONICAL_FIELDS) + "), found \"" + s + "\"");
            } else if (s != null) {
                key.add(s);
            }
        }
        if (!c.node().isArray() || key.isEmpty()) {
            c.problem("expected a non-empty list of canonical fields, e.g. [sensor_id, ts, metric]");
            return fallback;
        }
        return List.copyOf(key);
    }

    private void checkWideUnits(Mapping mapping, Map<String, MetricRule> metrics,
            Map<String, Map<String, UnitConversion>> conversions) {
        if (mapping == null || mapping.shape() != Shape.WIDE) {
            return;
        }
        for (int i = 0; i < mapping.columns().size(); i++) {
            WideColumn col = mapping.columns().get(i);
            MetricRule rule = metrics.get(col.metric());
            if (rule != null && rule.unit() != null && col.unit() != null && !rule.unit().equals(col.unit())
                    && conversions.getOrDefault(col.unit(), Map.of()).get(rule.unit()) == null) {
                root.child("mapping").child("columns").element(i).child("unit").problem("unit \"" + col.unit()
                        + "\" differs from the canonical unit \"" + rule.unit() + "\" of metric \"" + col.metric()
                        + "\" and no conversion between them is defined");
            }
        }
    }
}
