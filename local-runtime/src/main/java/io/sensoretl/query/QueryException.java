package io.sensoretl.query;

/**
 * A query that cannot run: a bad parameter, a placeholder nobody declared, or an error from the
 * engine. When the problem has a place in the query file, {@link #getMessage()} starts with
 * {@code file:line:column:} and is followed by that line of the file and a caret under the column.
 */
public final class QueryException extends RuntimeException {
    private final SqlPosition position;

    public QueryException(String message) {
        super(message);
        this.position = null;
    }

    /** @param position where in {@code source} the problem is, or {@code null} when it has no place */
    public QueryException(QuerySource source, SqlPosition position, String message) {
        super(position == null ? source.name() + ": " + message : source.name() + ":" + position.line() + ":"
                + position.column() + ": " + message + "\n" + position.excerpt(source.text()));
        this.position = position;
    }

    /** Where in the query file the problem is, or {@code null}. */
    public SqlPosition position() {
        return position;
    }
}
