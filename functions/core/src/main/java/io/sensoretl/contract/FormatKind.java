package io.sensoretl.contract;

/** The layouts of a dump that the decoder understands. */
public enum FormatKind {
    /** One JSON object per line. Splittable at newlines. */
    NDJSON("ndjson"),
    /** One JSON document holding an array of objects. Not splittable. */
    JSON_ARRAY("json_array"),
    /** Delimited text (CSV, TSV, semicolon-separated...). Splittable at newlines unless quoted fields span lines. */
    DELIMITED("delimited");

    private final String id;

    FormatKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
