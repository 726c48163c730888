package io.sensoretl.query;

/** Catalog (Hive/Athena DDL) column types as DuckDB types, so local tables have the declared schema. */
final class DuckDbTypes {
    private DuckDbTypes() {}

    static String of(String hiveType) {
        String t = hiveType.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("map<") && t.endsWith(">")) {
            String[] kv = splitTop(t.substring(4, t.length() - 1));
            return "MAP(" + of(kv[0]) + ", " + of(kv[1]) + ")";
        }
        if (t.startsWith("array<") && t.endsWith(">")) {
            return of(t.substring(6, t.length() - 1)) + "[]";
        }
        return switch (t) {
            case "string" -> "VARCHAR";
            case "timestamp" -> "TIMESTAMP";
            case "double" -> "DOUBLE";
            case "float" -> "FLOAT";
            case "bigint" -> "BIGINT";
            case "int" -> "INTEGER";
            case "boolean" -> "BOOLEAN";
            case "date" -> "DATE";
            default -> throw new IllegalArgumentException("no DuckDB type for catalog type " + hiveType);
        };
    }

    private static String[] splitTop(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                return new String[] {s.substring(0, i), s.substring(i + 1)};
            }
        }
        throw new IllegalArgumentException("expected map<key,value>, found map<" + s + ">");
    }
}
