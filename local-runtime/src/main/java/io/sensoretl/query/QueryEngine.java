package io.sensoretl.query;

/** Runs one rendered query: DuckDB over the local data, or Athena. */
public interface QueryEngine extends AutoCloseable {

    /** @throws EngineError when the engine refuses or fails the query; its position refers to {@code sql.sql()} */
    QueryResult execute(RenderedSql sql) throws EngineError;

    @Override
    void close();

    /** An engine's error, with the position it reported in the rendered SQL if it reported one. */
    final class EngineError extends Exception {
        private final SqlPosition position;

        public EngineError(String message, SqlPosition position) {
            super(message);
            this.position = position;
        }

        public SqlPosition position() {
            return position;
        }
    }
}
