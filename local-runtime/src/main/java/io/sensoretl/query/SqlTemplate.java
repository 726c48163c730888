package io.sensoretl.query;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Renders a query file with parameter values: every {@code ${name}} outside comments becomes the
 * SQL literal of its value ({@link ParamType}). One renderer for both engines, so the SQL Athena
 * receives is the SQL DuckDB ran. A placeholder inside a quoted string is refused (the literal
 * brings its own quotes), as is one that the header does not declare.
 */
public final class SqlTemplate {
    private SqlTemplate() {}

    public static RenderedSql render(QueryFile file, Map<String, String> given) {
        QuerySource source = file.source();
        for (String name : given.keySet()) {
            if (!file.params().containsKey(name)) {
                throw new QueryException(source, null, "unknown parameter --param " + name + "; the query declares "
                        + (file.params().isEmpty() ? "none" : new TreeSet<>(file.params().keySet())));
            }
        }
        Map<String, String> literals = new LinkedHashMap<>();
        for (QueryParam p : file.params().values()) {
            String value = given.getOrDefault(p.name(), p.defaultValue());
            if (value == null) {
                throw new QueryException(source, null, "missing --param " + p.name() + "=<" + p.type().id() + "> ("
                        + p.description() + ")");
            }
            try {
                literals.put(p.name(), p.type().literal(value));
            } catch (IllegalArgumentException e) {
                throw new QueryException(source, null, "--param " + p.name() + "=" + value + ": expected " + e.getMessage());
            }
        }
        return substitute(source, literals);
    }

    private static RenderedSql substitute(QuerySource source, Map<String, String> literals) {
        String text = source.text();
        StringBuilder out = new StringBuilder(text.length());
        SourceMap map = new SourceMap();
        int copiedFrom = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == '-' && next == '-') {
                i = end(text, "\n", i + 2);
            } else if (c == '/' && next == '*') {
                i = end(text, "*/", i + 2);
            } else if (c == '\'' || c == '"') {
                int close = closingQuote(text, i, c);
                int inside = text.indexOf("${", i + 1);
                if (c == '\'' && inside >= 0 && inside < close) {
                    throw new QueryException(source, SqlPosition.of(text, inside),
                            "placeholder inside a quoted string; write ${name} without quotes, its value is rendered as a literal");
                }
                i = close + 1;
            } else if (c == '$' && next == '{') {
                int close = text.indexOf('}', i);
                String name = close < 0 ? "" : text.substring(i + 2, close);
                String literal = literals.get(name);
                if (literal == null) {
                    throw new QueryException(source, SqlPosition.of(text, i), "placeholder ${" + name + "} is not declared; add \"-- @param "
                            + (name.isEmpty() ? "name" : name) + " <type> <description>\" to the header (declared: "
                            + (literals.isEmpty() ? "none" : new TreeSet<>(literals.keySet())) + ")");
                }
                out.append(text, copiedFrom, i);
                map.copied(i - copiedFrom);
                out.append(literal);
                map.substituted(close + 1 - i, literal.length());
                i = close + 1;
                copiedFrom = i;
            } else {
                i++;
            }
        }
        out.append(text, copiedFrom, text.length());
        map.copied(text.length() - copiedFrom);
        return new RenderedSql(source, withoutTrailingSemicolon(out), map);
    }

    private static int end(String text, String terminator, int from) {
        int e = text.indexOf(terminator, from);
        return e < 0 ? text.length() : e + terminator.length();
    }

    /** The index of the quote closing the one at {@code open} (a doubled quote is an escaped quote). */
    private static int closingQuote(String text, int open, char quote) {
        int i = open + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return text.length() - 1;
    }

    /** Athena takes one statement without a terminator; trailing blanks and semicolons go, offsets before them stay. */
    private static String withoutTrailingSemicolon(StringBuilder sql) {
        int end = sql.length();
        while (end > 0 && (Character.isWhitespace(sql.charAt(end - 1)) || sql.charAt(end - 1) == ';')) {
            end--;
        }
        return sql.substring(0, end);
    }
}
