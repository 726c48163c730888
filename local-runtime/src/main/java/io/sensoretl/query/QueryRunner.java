package io.sensoretl.query;

import java.util.Map;

/**
 * Renders a query file with its parameters, runs it on an engine, and turns an engine error into a
 * {@link QueryException} positioned in the file (not in the rendered SQL).
 */
public final class QueryRunner {
    private QueryRunner() {}

    public static QueryResult run(QueryEngine engine, QueryFile file, Map<String, String> params) {
        RenderedSql sql = SqlTemplate.render(file, params);
        try {
            return engine.execute(sql);
        } catch (QueryEngine.EngineError e) {
            SqlPosition at = e.position() == null ? null : sql.original(e.position());
            throw new QueryException(file.source(), at, e.getMessage());
        }
    }
}
