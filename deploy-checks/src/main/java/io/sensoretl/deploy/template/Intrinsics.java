package io.sensoretl.deploy.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Optional;

/** Questions about intrinsic functions in a long-form template value. */
public final class Intrinsics {
    private Intrinsics() {}

    /** True when the value is {@code {"Ref": name}} or contains one anywhere (also as {@code ${name}} in a Fn::Sub). */
    public static boolean refersTo(JsonNode value, String name) {
        if (value == null) {
            return false;
        }
        if (value.isObject()) {
            if (name.equals(value.path("Ref").asText(null))) {
                return true;
            }
            Optional<String> sub = References.subText(value);
            if (sub.isPresent() && sub.get().contains("${" + name + "}")) {
                return true;
            }
            for (Iterator<JsonNode> it = value.elements(); it.hasNext(); ) {
                if (refersTo(it.next(), name)) {
                    return true;
                }
            }
            return false;
        }
        if (value.isArray()) {
            for (JsonNode v : value) {
                if (refersTo(v, name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The branches {@code [whenTrue, whenFalse]} of {@code Fn::If [condition, ...]}, if the value is one on that condition. */
    public static Optional<JsonNode[]> ifOn(JsonNode value, String condition) {
        if (value == null || !value.has("Fn::If")) {
            return Optional.empty();
        }
        JsonNode f = value.get("Fn::If");
        if (!f.isArray() || f.size() != 3 || !condition.equals(f.path(0).asText())) {
            return Optional.empty();
        }
        return Optional.of(new JsonNode[] {f.get(1), f.get(2)});
    }

    /** True for {@code {"Ref": "AWS::NoValue"}}. */
    public static boolean isNoValue(JsonNode value) {
        return value != null && "AWS::NoValue".equals(value.path("Ref").asText(null));
    }

    /** The parameter a value names with {@code Ref}, if it does and the template declares that parameter. */
    public static Optional<String> parameterRef(Template template, JsonNode value) {
        String ref = value == null ? null : value.path("Ref").asText(null);
        return ref != null && template.hasParameter(ref) ? Optional.of(ref) : Optional.empty();
    }
}
