package io.sensoretl.query;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads DuckDB's error messages: the message, and the position from the excerpt DuckDB appends
 * ({@code LINE 3: <text>} with a caret line below). Long lines are cut to a window marked with
 * "...", so the column is found by locating the excerpt in the SQL that was run.
 */
final class DuckDbErrors {
    private static final Pattern EXCERPT = Pattern.compile("(?s)^(.*?)\\n\\s*\\nLINE (\\d+): ([^\\n]*)\\n( *)\\^+\\s*$");

    private DuckDbErrors() {}

    static QueryEngine.EngineError read(String message, String sql) {
        String text = message == null ? "DuckDB failed without a message" : message;
        Matcher m = EXCERPT.matcher(text);
        if (!m.matches()) {
            return new QueryEngine.EngineError(oneLine(text), null);
        }
        int line = Integer.parseInt(m.group(2));
        String excerpt = m.group(3);
        int caret = m.group(4).length() - ("LINE " + m.group(2) + ": ").length();
        String[] lines = sql.split("\n", -1);
        String sourceLine = line - 1 < lines.length ? lines[line - 1] : "";
        int lead = excerpt.startsWith("...") ? 3 : 0;
        String core = excerpt.substring(lead);
        if (core.endsWith("...")) {
            core = core.substring(0, core.length() - 3);
        }
        int at = sourceLine.indexOf(core);
        int column = at >= 0 ? at + caret - lead + 1 : (lead == 0 ? caret + 1 : 1);
        return new QueryEngine.EngineError(oneLine(m.group(1)), new SqlPosition(line, Math.max(1, column)));
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\n\\s*", "; ");
    }
}
