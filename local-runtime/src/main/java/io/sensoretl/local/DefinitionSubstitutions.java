package io.sensoretl.local;

import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code ${Name}} placeholders in a definition, as SAM's DefinitionSubstitutions do on AWS.
 * A placeholder without a value is an error naming it, never left in the text.
 */
public final class DefinitionSubstitutions {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    private DefinitionSubstitutions() {}

    public static String apply(String definition, Map<String, String> values) {
        TreeSet<String> missing = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(definition);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                missing.add(m.group(1));
                value = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the definition uses substitutions without a value: " + missing);
        }
        return out.toString();
    }

    /** The placeholder names a definition uses. */
    public static TreeSet<String> names(String definition) {
        TreeSet<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(definition);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
