package io.sensoretl.deploy.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an intrinsic value points at: {@code {"Ref": "X"}}, {@code {"Ref": "X.Alias"}} (SAM),
 * {@code {"Fn::GetAtt": ["X", "Arn"]}} and {@code {"Fn::Sub": "${X.Arn}/..."}} all name resource X.
 */
public final class References {
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9]+)(?:\\.[A-Za-z0-9.]+)?}");

    private References() {}

    /** The logical id a {@code Ref} or {@code Fn::GetAtt} names (SAM's {@code .Alias}/{@code .Version} stripped). */
    public static Optional<String> target(JsonNode value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.has("Ref") && value.get("Ref").isTextual()) {
            String ref = value.get("Ref").asText();
            int dot = ref.indexOf('.');
            return Optional.of(dot < 0 ? ref : ref.substring(0, dot));
        }
        if (value.has("Fn::GetAtt")) {
            JsonNode att = value.get("Fn::GetAtt");
            String first = att.isArray() ? att.path(0).asText() : att.asText().split("\\.", 2)[0];
            return first.isEmpty() ? Optional.empty() : Optional.of(first);
        }
        return Optional.empty();
    }

    /** True for {@code {"Ref": "X.Alias"}}: SAM's reference to the function's alias ARN. */
    public static boolean isAliasRef(JsonNode value) {
        return value != null && value.path("Ref").asText("").endsWith(".Alias");
    }

    /** The template text of a {@code Fn::Sub} (string or [string, variables] form), if the value is one. */
    public static Optional<String> subText(JsonNode value) {
        if (value == null || !value.has("Fn::Sub")) {
            return Optional.empty();
        }
        JsonNode sub = value.get("Fn::Sub");
        return Optional.of(sub.isArray() ? sub.path(0).asText() : sub.asText());
    }

    /** The resource a {@code Fn::Sub} string starts with, e.g. {@code ${DataBucket.Arn}/runs/*} -> DataBucket. */
    public static Optional<String> subLeadingResource(String text) {
        Matcher m = SUB_VARIABLE.matcher(text);
        return m.lookingAt() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
