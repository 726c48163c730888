package io.sensoretl.deploy.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.deploy.template.References;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Small look-ups shared by the hardening checks. */
final class ResourcePaths {
    private ResourcePaths() {}

    /**
     * The values at a dotted property path below a resource's Properties; {@code [*]} steps into every
     * element of a list. Keys are the full template paths, for messages.
     */
    static Map<String, JsonNode> values(String logicalId, JsonNode resource, String path) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        collect("Resources." + logicalId + ".Properties", resource.path("Properties"), path.split("\\."), 0, out);
        return out;
    }

    private static void collect(String where, JsonNode node, String[] steps, int i, Map<String, JsonNode> out) {
        if (i == steps.length) {
            out.put(where, node);
            return;
        }
        String step = steps[i];
        if (step.endsWith("[*]")) {
            String field = step.substring(0, step.length() - 3);
            JsonNode list = node.path(field);
            for (int k = 0; k < list.size(); k++) {
                collect(where + "." + field + "[" + k + "]", list.get(k), steps, i + 1, out);
            }
            if (list.isMissingNode()) {
                out.put(where + "." + field, list);
            }
        } else {
            collect(where + "." + step, node.path(step), steps, i + 1, out);
        }
    }

    /** The template resource an IAM Resource value points at: Ref, GetAtt or a Fn::Sub starting with ${X.Arn}. */
    static Optional<String> target(JsonNode resource) {
        Optional<String> direct = References.target(resource);
        if (direct.isPresent()) {
            return direct;
        }
        return References.subText(resource).flatMap(References::subLeadingResource);
    }
}
