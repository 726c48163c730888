package io.sensoretl.deploy.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A loaded template (long-form JSON) with the look-ups the checks need. */
public record Template(String source, JsonNode root) {

    public static Template read(Path file) throws IOException {
        return new Template(file.getFileName().toString(), CfnYaml.read(file));
    }

    public static Template parse(String yaml, String source) {
        return new Template(source, CfnYaml.parse(yaml, source));
    }

    /** Logical id to resource, in template order. */
    public Map<String, JsonNode> resources() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        root.path("Resources").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    public Optional<JsonNode> resource(String logicalId) {
        JsonNode r = root.path("Resources").get(logicalId);
        return Optional.ofNullable(r);
    }

    public String typeOf(String logicalId) {
        return resource(logicalId).map(r -> r.path("Type").asText()).orElse(null);
    }

    /** Logical ids of the resources of one type, in template order. */
    public Map<String, JsonNode> resourcesOfType(String type) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        resources().forEach((id, r) -> {
            if (type.equals(r.path("Type").asText())) {
                out.put(id, r);
            }
        });
        return out;
    }

    public boolean hasParameter(String name) {
        return root.path("Parameters").has(name);
    }

    /** A property of a Serverless function, falling back to Globals.Function as SAM does. */
    public JsonNode functionProperty(String logicalId, String property) {
        JsonNode own = resource(logicalId).map(r -> r.path("Properties").path(property)).orElse(MissingNode.getInstance());
        return own.isMissingNode() ? root.path("Globals").path("Function").path(property) : own;
    }
}
