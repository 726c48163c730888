package io.sensoretl.query;

import io.sensoretl.local.DataDir;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs queries on an in-memory DuckDB over the local runtime's data: the tables of
 * {@link LocalTables}, with the Trino functions of {@code trino-bridge.sql} defined first.
 */
public final class LocalQueryEngine implements QueryEngine {
    static final String BRIDGE = "trino-bridge.sql";

    private final Connection db;
    private final LocalTables tables;

    public LocalQueryEngine(DataDir dataDir) {
        try {
            this.db = DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            throw new QueryException("cannot start DuckDB: " + e.getMessage());
        }
        try {
            for (String statement : bridgeStatements()) {
                try (Statement st = db.createStatement()) {
                    st.execute(statement);
                }
            }
            this.tables = new LocalTables(dataDir);
            tables.register(db);
        } catch (SQLException e) {
            close();
            throw new QueryException("cannot prepare the local tables: " + e.getMessage());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The bridge's statements, in order (separated by lines holding only ";"). */
    static List<String> bridgeStatements() {
        try (InputStream in = LocalQueryEngine.class.getResourceAsStream(BRIDGE)) {
            if (in == null) {
                throw new IllegalStateException(BRIDGE + " is missing from the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            for (String part : text.split("(?m)^;\\s*$")) {
                if (!part.replaceAll("(?m)^\\s*--.*$", "").isBlank()) {
                    out.add(part.strip());
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + BRIDGE, e);
        }
    }

    /** How many registered partitions each table shows. */
    public Map<String, Integer> visiblePartitions() {
        return tables.partitions();
    }

    @Override
    public QueryResult execute(RenderedSql sql) throws EngineError {
        long started = System.nanoTime();
        // DuckDB reports error positions relative to the statement's first token: send it from there
        int lead = firstToken(sql.sql());
        String statement = sql.sql().substring(lead);
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(statement)) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            List<String> columns = new ArrayList<>(n);
            List<String> types = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                columns.add(md.getColumnLabel(i));
                types.add(md.getColumnTypeName(i).toLowerCase(Locale.ROOT));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(value(rs, md, i));
                }
                rows.add(row);
            }
            return new QueryResult(columns, types, rows,
                    new QueryResult.Statistics("local", null, null, (System.nanoTime() - started) / 1_000_000));
        } catch (SQLException e) {
            EngineError error = DuckDbErrors.read(e.getMessage(), statement);
            if (error.position() == null || lead == 0) {
                throw error;
            }
            int offset = error.position().offset(statement);
            throw new EngineError(error.getMessage(), offset < 0 ? null : SqlPosition.of(sql.sql(), lead + offset));
        }
    }

    /** The offset of the first character that is neither blank nor part of a comment. */
    static int firstToken(String sql) {
        int i = 0;
        while (i < sql.length()) {
            if (Character.isWhitespace(sql.charAt(i))) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? sql.length() : nl + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            } else {
                return i;
            }
        }
        return 0;
    }

    private static Object value(ResultSet rs, ResultSetMetaData md, int i) throws SQLException {
        if (md.getColumnType(i) == Types.TIMESTAMP) {
            return rs.getObject(i, LocalDateTime.class);
        }
        Object v = rs.getObject(i);
        if (v instanceof Array a) {
            return Arrays.asList((Object[]) a.getArray());
        }
        return v;
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // closing an in-memory database cannot lose anything
        }
    }
}
