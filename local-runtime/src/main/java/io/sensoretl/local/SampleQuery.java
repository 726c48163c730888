package io.sensoretl.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A first look at the curated tables with DuckDB over the local Parquet (the catalog's current
 * partition versions only): readings per day and metric, and rejects by reason.
 */
public final class SampleQuery {
    public record Result(String sql, List<Map<String, Object>> rows) {}

    private final CuratedData curated;

    public SampleQuery(DataDir dataDir) {
        this.curated = new CuratedData(dataDir);
    }

    public Result readingsPerDayAndMetric() throws SQLException {
        return readingsPerDayAndMetric(null);
    }

    /** Readings per day and metric of one run ({@code runId}), or of every run in the data dir ({@code null}). */
    public Result readingsPerDayAndMetric(String runId) throws SQLException {
        String from = CuratedData.readParquet(curated.readingsGlobs());
        if (from == null) {
            return new Result(null, List.of());
        }
        String sql = "SELECT dt, metric, unit, count(*) AS readings, round(avg(value), 2) AS avg_value, "
                + "count(DISTINCT sensor_id) AS sensors FROM " + from + where(runId) + " GROUP BY ALL ORDER BY dt, metric";
        return new Result(sql, query(sql));
    }

    public Map<String, Long> rejectsByReason() throws SQLException {
        return rejectsByReason(null);
    }

    /** Rejects per reason of one run ({@code runId}), or of every run ({@code null}). */
    public Map<String, Long> rejectsByReason(String runId) throws SQLException {
        String from = CuratedData.readParquet(curated.rejectsGlobs());
        Map<String, Long> out = new TreeMap<>();
        if (from == null) {
            return out;
        }
        for (Map<String, Object> row : query("SELECT reason, count(*) AS n FROM " + from + where(runId) + " GROUP BY reason")) {
            out.put(String.valueOf(row.get("reason")), ((Number) row.get("n")).longValue());
        }
        return out;
    }

    private static String where(String runId) {
        if (runId == null) {
            return "";
        }
        if (!runId.matches("[A-Za-z0-9_.:-]+")) {
            throw new IllegalArgumentException("not a run id: " + runId);
        }
        return " WHERE run_id = '" + runId + "'";
    }

    private static List<Map<String, Object>> query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    row.put(md.getColumnLabel(i), v instanceof Number || v instanceof Boolean || v == null ? v : v.toString());
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
