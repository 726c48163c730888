package io.sensoretl.deploy.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.deploy.template.Template;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks every plain CloudFormation resource ({@code AWS::*}, not {@code AWS::Serverless::*}) of a
 * template against the {@link ResourceSpec}: the type exists, no unknown properties, required ones
 * present, values of the declared type (string, number, boolean, list, map, nested property type) and
 * among the allowed values; {@code Fn::GetAtt} names an attribute the type has.
 *
 * <p>An intrinsic function value ({@code Ref}, {@code Fn::Sub}, ...) is accepted wherever a value is
 * expected, since its result is known only at deploy time; both branches of {@code Fn::If} are checked.
 */
public final class ResourceSpecCheck {
    private final ResourceSpec spec;

    public ResourceSpecCheck(ResourceSpec spec) {
        this.spec = spec;
    }

    public List<String> check(Template template) {
        List<String> problems = new ArrayList<>();
        template.resources().forEach((id, resource) -> {
            String type = resource.path("Type").asText();
            if (!type.startsWith("AWS::") || type.startsWith("AWS::Serverless::")) {
                return;
            }
            String where = "Resources." + id;
            spec.resource(type).ifPresentOrElse(
                    entity -> checkProperties(where + ".Properties", type, entity.path("properties"),
                            resource.path("Properties"), problems),
                    () -> problems.add(where + ": unknown resource type " + type));
        });
        checkGetAtts(template, template.root().path("Resources"), "Resources", problems);
        return problems;
    }

    /** Checks one property value against the declaration of {@code property} in {@code cloudFormationType}. */
    void checkProperty(String where, String cloudFormationType, String property, JsonNode value, List<String> problems) {
        JsonNode entity = spec.resource(cloudFormationType)
                .orElseThrow(() -> new IllegalStateException("aws-service-spec has no " + cloudFormationType));
        JsonNode declared = entity.path("properties").get(property);
        if (declared == null) {
            throw new IllegalStateException("aws-service-spec: " + cloudFormationType + " has no property " + property);
        }
        checkValue(where, declared.path("type"), value, problems);
    }

    private void checkProperties(String where, String typeName, JsonNode declared, JsonNode given, List<String> problems) {
        if (!given.isMissingNode() && !given.isObject()) {
            problems.add(where + ": expected the properties of " + typeName + " as a mapping, found " + given.getNodeType());
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode property = declared.get(p.getKey());
            if (property == null) {
                problems.add(where + "." + p.getKey() + ": unknown property of " + typeName
                        + " (known: " + String.join(", ", new TreeSet<>(fieldNames(declared))) + ")");
            } else {
                checkValue(where + "." + p.getKey(), property.path("type"), p.getValue(), problems);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = declared.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (p.getValue().path("required").asBoolean(false) && !given.has(p.getKey())) {
                problems.add(where + "." + p.getKey() + ": required property of " + typeName + " is missing");
            }
        }
    }

    private void checkValue(String where, JsonNode type, JsonNode value, List<String> problems) {
        if (isIntrinsic(value)) {
            if (value.has("Fn::If") && value.get("Fn::If").size() == 3) {
                for (int branch = 1; branch <= 2; branch++) {
                    JsonNode v = value.get("Fn::If").get(branch);
                    if (!"AWS::NoValue".equals(v.path("Ref").asText())) {
                        checkValue(where + "(Fn::If branch " + branch + ")", type, v, problems);
                    }
                }
            }
            return;
        }
        String kind = type.path("type").asText();
        switch (kind) {
            case "string", "date-time" -> {
                if (!value.isValueNode() || value.isNull()) {
                    problems.add(where + ": expected a string, found " + value.getNodeType());
                } else if (type.has("allowedValues") && !contains(type.get("allowedValues"), value.asText())) {
                    problems.add(where + ": '" + value.asText() + "' is not one of " + type.get("allowedValues"));
                }
            }
            case "integer", "number" -> {
                if (!(value.isNumber() || (value.isTextual() && value.asText().matches("-?\\d+(\\.\\d+)?")))) {
                    problems.add(where + ": expected a number, found " + describe(value));
                }
            }
            case "boolean" -> {
                if (!(value.isBoolean() || value.asText().equals("true") || value.asText().equals("false"))) {
                    problems.add(where + ": expected true or false, found " + describe(value));
                }
            }
            case "json" -> {
                // any JSON value (policy documents, event patterns)
            }
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(where + ": expected a list, found " + value.getNodeType());
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    checkValue(where + "[" + i + "]", type.path("element"), value.get(i), problems);
                }
            }
            case "map" -> {
                if (!value.isObject()) {
                    problems.add(where + ": expected a mapping, found " + value.getNodeType());
                    return;
                }
                value.fields().forEachRemaining(e -> checkValue(where + "." + e.getKey(), type.path("element"), e.getValue(), problems));
            }
            case "tag" -> {
                if (!value.isObject() || !value.has("Key") || !value.has("Value")) {
                    problems.add(where + ": expected a tag {Key, Value}, found " + describe(value));
                }
            }
            case "ref" -> {
                JsonNode definition = spec.typeDefinition(type.path("reference").path("$ref").asText());
                checkProperties(where, definition.path("name").asText(), definition.path("properties"), value, problems);
            }
            case "union" -> {
                // The specification widens many structured properties to "json" for compatibility
                // (KeySchema: list of KeySchema | json). A value shaped like one of the structured
                // alternatives is checked against those; "json" only accepts what none of them could be.
                List<String> firstAttempt = null;
                boolean json = false;
                for (JsonNode alternative : type.path("types")) {
                    String k = alternative.path("type").asText();
                    json |= k.equals("json");
                    if (k.equals("json") || !shapeFits(k, value)) {
                        continue;
                    }
                    List<String> attempt = new ArrayList<>();
                    checkValue(where, alternative, value, attempt);
                    if (attempt.isEmpty()) {
                        return;
                    }
                    firstAttempt = firstAttempt == null ? attempt : firstAttempt;
                }
                if (firstAttempt != null) {
                    problems.addAll(firstAttempt);
                } else if (!json) {
                    problems.add(where + ": " + describe(value) + " fits none of the types " + type.path("types"));
                }
            }
            default -> problems.add(where + ": the resource specification has a type '" + kind + "' this check does not know");
        }
    }

    /** Every Fn::GetAtt on a plain resource must name one of the type's attributes. */
    private void checkGetAtts(Template template, JsonNode node, String where, List<String> problems) {
        if (node.isObject()) {
            if (node.has("Fn::GetAtt") && node.get("Fn::GetAtt").isArray()) {
                String target = node.get("Fn::GetAtt").path(0).asText();
                String attribute = node.get("Fn::GetAtt").path(1).asText();
                String type = template.typeOf(target);
                if (type == null) {
                    problems.add(where + ": Fn::GetAtt names " + target + ", which is not a resource of the template");
                } else if (type.startsWith("AWS::") && !type.startsWith("AWS::Serverless::")) {
                    spec.resource(type).ifPresent(entity -> {
                        if (!entity.path("attributes").has(attribute)) {
                            problems.add(where + ": " + type + " has no attribute " + attribute + " (it has: "
                                    + String.join(", ", new TreeSet<>(fieldNames(entity.path("attributes")))) + ")");
                        }
                    });
                }
            }
            node.fields().forEachRemaining(e -> checkGetAtts(template, e.getValue(), where + "." + e.getKey(), problems));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkGetAtts(template, node.get(i), where + "[" + i + "]", problems);
            }
        }
    }

    private static boolean shapeFits(String kind, JsonNode value) {
        return switch (kind) {
            case "array" -> value.isArray();
            case "ref", "map", "tag" -> value.isObject();
            default -> value.isValueNode();
        };
    }

    static boolean isIntrinsic(JsonNode value) {
        if (!value.isObject() || value.size() != 1) {
            return false;
        }
        String key = value.fieldNames().next();
        return key.equals("Ref") || key.startsWith("Fn::");
    }

    private static boolean contains(JsonNode values, String v) {
        for (JsonNode a : values) {
            if (a.asText().equals(v)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static String describe(JsonNode value) {
        return value.isValueNode() ? "'" + value.asText() + "'" : value.getNodeType().toString();
    }
}
