package io.sensoretl.asl.definition;

/** The two query languages a machine or a single state may use. */
public enum QueryLanguage {
    JSONPATH, JSONATA;

    public static QueryLanguage parse(String text) {
        return switch (text) {
            case "JSONPath" -> JSONPATH;
            case "JSONata" -> JSONATA;
            default -> throw new IllegalArgumentException("QueryLanguage must be JSONPath or JSONata, got '" + text + "'");
        };
    }
}
