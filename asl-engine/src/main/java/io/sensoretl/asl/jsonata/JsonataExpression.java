package io.sensoretl.asl.jsonata;

/** A {@code {% ... %}} string of a JSONata state, with the field it came from for error texts. */
public record JsonataExpression(String source) {

    public static boolean isExpression(String text) {
        return text.startsWith("{%") && text.endsWith("%}") && text.length() >= 4;
    }

    public static JsonataExpression of(String text) {
        return new JsonataExpression(text.substring(2, text.length() - 2).strip());
    }
}
