package io.sensoretl.deploy.crosscheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One IAM policy statement of the template, with where it was found. A statement written as
 * {@code Fn::If [Condition, statement, AWS::NoValue]} is one statement that exists only under that
 * condition: {@link #onlyIf()} names it (null for a statement that always exists).
 */
public record Statement(String where, boolean allow, List<String> actions, List<JsonNode> resources, boolean notAction,
                        JsonNode condition, String onlyIf) {

    static Statement of(String where, JsonNode s) {
        return of(where, s, null);
    }

    static Statement of(String where, JsonNode s, String onlyIf) {
        List<String> actions = new ArrayList<>();
        JsonNode a = s.has("NotAction") ? s.get("NotAction") : s.path("Action");
        if (a.isArray()) {
            a.forEach(x -> actions.add(x.asText()));
        } else if (!a.isMissingNode()) {
            actions.add(a.asText());
        }
        List<JsonNode> resources = new ArrayList<>();
        JsonNode r = s.path("Resource");
        if (r.isArray()) {
            r.forEach(resources::add);
        } else if (!r.isMissingNode()) {
            resources.add(r);
        }
        return new Statement(where, "Allow".equals(s.path("Effect").asText()), actions, resources, s.has("NotAction"),
                s.path("Condition"), onlyIf);
    }

    public boolean allowsAction(String action) {
        return allow && !notAction && actions.stream().anyMatch(a -> a.equalsIgnoreCase(action));
    }

    /** True when some action of this Allow belongs to the service, e.g. {@code kms}. */
    public boolean allowsServiceAction(String service) {
        return allow && actions.stream().anyMatch(a -> a.toLowerCase(java.util.Locale.ROOT).startsWith(service + ":"));
    }
}
