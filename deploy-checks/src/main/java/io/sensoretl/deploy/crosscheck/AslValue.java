package io.sensoretl.deploy.crosscheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A field of an ASL state as the cross-check sees it: a whole {@code ${Substitution}}, a literal, or
 * dynamic (a JSONPath {@code Field.$} or a JSONata {@code {% ... %}} expression) with the literal text
 * it starts with, if any ({@code {% 'runs/' & $run %}} starts with {@code runs/}).
 */
record AslValue(String substitution, String literal, String literalPrefix, boolean dynamic) {
    private static final Pattern WHOLE_SUBSTITUTION = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
    private static final Pattern JSONATA_LEADING_LITERAL = Pattern.compile("\\{%\\s*'([^']*)'\\s*&.*%}", Pattern.DOTALL);

    static final AslValue ABSENT = new AslValue(null, null, null, false);

    /** Reads {@code field} (or {@code field.$}) of a state's Arguments/Parameters object. */
    static AslValue of(JsonNode arguments, String field) {
        if (arguments.has(field + ".$")) {
            return new AslValue(null, null, null, true);
        }
        JsonNode v = arguments.get(field);
        if (v == null || !v.isTextual()) {
            return v == null ? ABSENT : new AslValue(null, v.toString(), v.toString(), false);
        }
        String text = v.asText();
        Matcher whole = WHOLE_SUBSTITUTION.matcher(text);
        if (whole.matches()) {
            return new AslValue(whole.group(1), null, null, false);
        }
        if (text.startsWith("{%")) {
            Matcher m = JSONATA_LEADING_LITERAL.matcher(text);
            return new AslValue(null, null, m.matches() ? m.group(1) : null, true);
        }
        return new AslValue(null, text, text, false);
    }

    boolean present() {
        return substitution != null || literal != null || dynamic;
    }

    @Override
    public String toString() {
        return substitution != null ? "${" + substitution + "}" : literal != null ? "'" + literal + "'" : "(dynamic)";
    }
}
