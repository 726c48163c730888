package io.sensoretl.cost;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which tables a shipped SQL query reads and which of their columns it mentions: what Athena has to
 * fetch from Parquet (it reads only the referenced columns). A lexical estimate: a column counts if
 * its name appears as a word outside comments; {@code *} counts every column.
 */
public record QueryColumns(Set<String> tables, Set<String> columns) {
    private static final Pattern TABLE = Pattern.compile("\\b(?:from|join)\\s+([`\"\\w.${}]+)");
    private static final Pattern STAR = Pattern.compile("(?:select|,)\\s*(?:\\w+\\.)?\\*");

    public static QueryColumns of(String sql, Set<String> knownColumns) {
        String text = stripComments(sql).toLowerCase(Locale.ROOT);
        Set<String> tables = new LinkedHashSet<>();
        Matcher m = TABLE.matcher(text);
        while (m.find()) {
            String name = m.group(1).replace("`", "").replace("\"", "");
            String last = name.substring(name.lastIndexOf('.') + 1);
            if (!last.isBlank() && !last.startsWith("(")) {
                tables.add(last);
            }
        }
        Set<String> columns = new LinkedHashSet<>();
        boolean star = STAR.matcher(text).find();
        for (String c : knownColumns) {
            if (star || Pattern.compile("\\b" + Pattern.quote(c.toLowerCase(Locale.ROOT)) + "\\b").matcher(text).find()) {
                columns.add(c);
            }
        }
        return new QueryColumns(tables, columns);
    }

    private static String stripComments(String sql) {
        return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
    }
}
