package io.sensoretl.query;

/**
 * A place in a query text: 1-based line and column, as Trino and DuckDB report them.
 */
public record SqlPosition(int line, int column) {

    /** The position of a 0-based character offset in {@code text}. */
    public static SqlPosition of(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(offset, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SqlPosition(line, end - lineStart + 1);
    }

    /** The 0-based offset of this position in {@code text}, or -1 when the text has no such line. */
    public int offset(String text) {
        int lineStart = 0;
        for (int l = 1; l < line; l++) {
            int nl = text.indexOf('\n', lineStart);
            if (nl < 0) {
                return -1;
            }
            lineStart = nl + 1;
        }
        return Math.min(lineStart + column - 1, text.length());
    }

    /** The line of {@code text} this position is on, numbered, with a caret under the column. */
    public String excerpt(String text) {
        String[] lines = text.split("\r?\n", -1);
        String source = line - 1 < lines.length ? lines[line - 1] : "";
        String number = String.valueOf(line);
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < column - 1 && i < source.length(); i++) {
            caret.append(source.charAt(i) == '\t' ? '\t' : ' ');
        }
        return " " + number + " | " + source + "\n " + " ".repeat(number.length()) + " | " + caret + "^";
    }
}
