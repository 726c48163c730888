package io.sensoretl.query;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How query results are printed: an aligned table, CSV (RFC 4180) or one JSON document. */
public enum ResultFormat {
    TABLE {
        @Override
        public void write(QueryResult result, PrintStream out) {
            int n = result.columns().size();
            int[] width = new int[n];
            List<String[]> cells = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                width[i] = result.columns().get(i).length();
            }
            for (List<Object> row : result.rows()) {
                String[] c = new String[n];
                for (int i = 0; i < n; i++) {
                    c[i] = row.get(i) == null ? "NULL" : text(row.get(i));
                    width[i] = Math.max(width[i], c[i].length());
                }
                cells.add(c);
            }
            StringBuilder line = new StringBuilder();
            StringBuilder rule = new StringBuilder();
            for (int i = 0; i < n; i++) {
                line.append(i == 0 ? "" : " | ").append(pad(result.columns().get(i), width[i], false));
                rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
            }
            out.println(line.toString().stripTrailing());
            out.println(rule);
            for (int r = 0; r < cells.size(); r++) {
                line.setLength(0);
                for (int i = 0; i < n; i++) {
                    line.append(i == 0 ? "" : " | ").append(pad(cells.get(r)[i], width[i], numeric(result.rows().get(r).get(i))));
                }
                out.println(line.toString().stripTrailing());
            }
            out.println("(" + result.rows().size() + (result.rows().size() == 1 ? " row)" : " rows)"));
        }
    },
    CSV {
        @Override
        public void write(QueryResult result, PrintStream out) {
            List<String> header = new ArrayList<>();
            for (String c : result.columns()) {
                header.add(csv(c));
            }
            out.print(String.join(",", header) + "\r\n");
            for (List<Object> row : result.rows()) {
                List<String> cells = new ArrayList<>();
                for (Object v : row) {
                    cells.add(v == null ? "" : csv(text(v)));
                }
                out.print(String.join(",", cells) + "\r\n");
            }
        }
    },
    JSON {
        @Override
        public void write(QueryResult result, PrintStream out) {
            out.println(io.sensoretl.cli.JsonOutput.document(document(result)));
        }
    };

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    public abstract void write(QueryResult result, PrintStream out);

    /**
     * The JSON document: {@code columns} (name, type), {@code rows} (one object per row, keyed by
     * column name), {@code statistics} (engine, queryId, bytesScanned, elapsedMillis). Timestamps are
     * text as Athena prints them; numbers are numbers.
     */
    public static Map<String, Object> document(QueryResult result) {
        List<Map<String, Object>> columns = new ArrayList<>();
        for (int i = 0; i < result.columns().size(); i++) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", result.columns().get(i));
            c.put("type", result.types().get(i));
            columns.add(c);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            Map<String, Object> r = new LinkedHashMap<>();
            for (int i = 0; i < result.columns().size(); i++) {
                r.put(result.columns().get(i), json(row.get(i)));
            }
            rows.add(r);
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("engine", result.statistics().engine());
        stats.put("queryId", result.statistics().queryId());
        stats.put("bytesScanned", result.statistics().bytesScanned());
        stats.put("elapsedMillis", result.statistics().elapsedMillis());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("columns", columns);
        doc.put("rows", rows);
        doc.put("statistics", stats);
        return doc;
    }

    /** A value as text, the way Athena's console and CSV results show it. */
    public static String text(Object v) {
        if (v instanceof LocalDateTime t) {
            return TIMESTAMP.format(t);
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        return String.valueOf(v);
    }

    private static Object json(Object v) {
        if (v instanceof LocalDateTime || v instanceof LocalDate || v instanceof java.time.OffsetDateTime) {
            return text(v);
        }
        if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return d.toString();
        }
        return v;
    }

    private static boolean numeric(Object v) {
        return v instanceof Number;
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }

    private static String csv(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
