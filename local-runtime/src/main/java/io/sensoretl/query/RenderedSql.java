package io.sensoretl.query;

/** A query ready for an engine: the SQL with parameters rendered, and the way back to the file. */
public record RenderedSql(QuerySource source, String sql, SourceMap map) {

    /** The position in the query file of a position an engine reported in {@link #sql()}. */
    public SqlPosition original(SqlPosition rendered) {
        int offset = rendered.offset(sql);
        if (offset < 0) {
            return null;
        }
        return SqlPosition.of(source.text(), map.original(offset));
    }
}
