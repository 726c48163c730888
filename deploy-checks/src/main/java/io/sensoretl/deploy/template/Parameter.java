package io.sensoretl.deploy.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** A template parameter as the checks read it. */
public record Parameter(String name, JsonNode node) {

    public static Parameter of(Template template, String name) {
        return new Parameter(name, template.root().path("Parameters").path(name));
    }

    public String where() {
        return "Parameters." + name;
    }

    public boolean exists() {
        return node.isObject();
    }

    public OptionalLong numberDefault() {
        return number("Default");
    }

    public OptionalLong minValue() {
        return number("MinValue");
    }

    /** Every value a stack can get: the allowed values, or just the default when none are listed. */
    public List<String> allowedValues() {
        List<String> out = new ArrayList<>();
        node.path("AllowedValues").forEach(v -> out.add(v.asText()));
        return out;
    }

    public String defaultText() {
        return node.path("Default").asText(null);
    }

    private OptionalLong number(String field) {
        JsonNode v = node.path(field);
        if (v.isNumber()) {
            return OptionalLong.of(v.asLong());
        }
        if (v.isTextual()) {
            try {
                return OptionalLong.of(Long.parseLong(v.asText().trim()));
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }
}
