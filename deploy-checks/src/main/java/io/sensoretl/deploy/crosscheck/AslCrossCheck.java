package io.sensoretl.deploy.crosscheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sensoretl.deploy.template.References;
import io.sensoretl.deploy.template.Template;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cross-checks a state machine definition against the template that deploys it:
 * <ul>
 *   <li>every {@code ${...}} of the definition is in the state machine's DefinitionSubstitutions, and
 *       every substitution is used and refers to a resource or parameter of the template;</li>
 *   <li>every Lambda function, SQS queue, S3 bucket and DynamoDB table a state uses (Task resources,
 *       ItemReader, ResultWriter) is a resource of the template, and the state machine's role allows
 *       the action on it (lambda:InvokeFunction on the alias it invokes, sqs:SendMessage, s3:GetObject /
 *       s3:PutObject under the key prefix, ...);</li>
 *   <li>a Distributed Map may start its child executions (states:StartExecution on the state machine).</li>
 * </ul>
 */
public final class AslCrossCheck {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    private final Template template;
    private final String definitionUri;
    private final List<String> problems = new ArrayList<>();
    private String machineId;
    private JsonNode substitutions;
    private List<Statement> role;

    private AslCrossCheck(Template template, String definitionUri) {
        this.template = template;
        this.definitionUri = definitionUri;
    }

    /** @param definitionUri the state machine's DefinitionUri in the template, e.g. statemachine/sensor-etl.asl.json */
    public static List<String> check(Template template, String definitionUri, String aslText) {
        AslCrossCheck c = new AslCrossCheck(template, definitionUri);
        c.run(aslText);
        return c.problems;
    }

    private void run(String aslText) {
        machineId = template.resourcesOfType("AWS::Serverless::StateMachine").entrySet().stream()
                .filter(e -> definitionUri.equals(e.getValue().path("Properties").path("DefinitionUri").asText()))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (machineId == null) {
            problems.add(template.source() + ": no AWS::Serverless::StateMachine has DefinitionUri " + definitionUri);
            return;
        }
        substitutions = template.resource(machineId).orElseThrow().path("Properties").path("DefinitionSubstitutions");
        checkSubstitutions(aslText);
        JsonNode asl;
        try {
            asl = new ObjectMapper().readTree(aslText);
        } catch (IOException e) {
            problems.add(definitionUri + ": not JSON: " + e.getMessage());
            return;
        }
        List<String> notUnderstood = new ArrayList<>();
        role = Policies.ofRole(template, machineId, notUnderstood);
        problems.addAll(notUnderstood);
        walkStates(asl.path("States"));
    }

    private void checkSubstitutions(String aslText) {
        Set<String> used = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(aslText);
        while (m.find()) {
            used.add(m.group(1));
        }
        for (String name : used) {
            if (!substitutions.has(name)) {
                problems.add(definitionUri + " uses ${" + name + "}, which DefinitionSubstitutions of " + machineId
                        + " does not define");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = substitutions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> s = it.next();
            if (!used.contains(s.getKey())) {
                problems.add(machineId + ".DefinitionSubstitutions." + s.getKey() + " is not used by " + definitionUri);
            }
            References.target(s.getValue()).ifPresent(target -> {
                if (template.resource(target).isEmpty() && !template.hasParameter(target) && !target.startsWith("AWS::")) {
                    problems.add(machineId + ".DefinitionSubstitutions." + s.getKey() + " refers to " + target
                            + ", which is neither a resource nor a parameter of the template");
                }
            });
        }
    }

    private void walkStates(JsonNode states) {
        states.fields().forEachRemaining(e -> {
            String name = e.getKey();
            JsonNode state = e.getValue();
            switch (state.path("Type").asText()) {
                case "Task" -> task(name, state);
                case "Map" -> map(name, state);
                case "Parallel" -> state.path("Branches").forEach(b -> walkStates(b.path("States")));
                default -> { }
            }
        });
    }

    private static JsonNode arguments(JsonNode holder) {
        return holder.has("Arguments") ? holder.get("Arguments") : holder.path("Parameters");
    }

    private void task(String state, JsonNode task) {
        String resource = task.path("Resource").asText();
        JsonNode args = arguments(task);
        String integration = resource.replaceFirst("^arn:aws:states:::", "").replaceFirst("\\.(sync(:2)?|waitForTaskToken)$", "");
        if (PLACEHOLDER.matcher(resource).matches()) {
            lambda(state, AslValue.of(task, "Resource"));
        } else if (integration.equals("lambda:invoke")) {
            lambda(state, AslValue.of(args, "FunctionName"));
        } else if (integration.equals("sqs:sendMessage")) {
            queue(state, AslValue.of(args, "QueueUrl"), "sqs:SendMessage");
        } else if (integration.matches("(aws-sdk:)?s3:(getObject|putObject)")) {
            String op = integration.substring(integration.lastIndexOf(':') + 1);
            object(state, "s3:" + Character.toUpperCase(op.charAt(0)) + op.substring(1), AslValue.of(args, "Bucket"),
                    AslValue.of(args, "Key"));
        } else if (integration.matches("(aws-sdk:)?dynamodb:(getItem|putItem|updateItem|deleteItem|query)")) {
            String op = integration.substring(integration.lastIndexOf(':') + 1);
            table(state, "dynamodb:" + Character.toUpperCase(op.charAt(0)) + op.substring(1), AslValue.of(args, "TableName"));
        } else {
            problems.add("state '" + state + "': the cross-check does not know which permission Resource " + resource
                    + " needs; teach AslCrossCheck before using it");
        }
    }

    private void map(String state, JsonNode map) {
        JsonNode reader = map.path("ItemReader");
        if (!reader.isMissingNode()) {
            String r = reader.path("Resource").asText();
            JsonNode args = arguments(reader);
            if (r.endsWith("s3:getObject")) {
                object(state + " (ItemReader)", "s3:GetObject", AslValue.of(args, "Bucket"), AslValue.of(args, "Key"));
            } else if (r.endsWith("s3:listObjectsV2")) {
                bucket(state + " (ItemReader)", "s3:ListBucket", AslValue.of(args, "Bucket"));
            } else {
                problems.add("state '" + state + "': the cross-check does not know ItemReader Resource " + r);
            }
        }
        JsonNode writer = map.path("ResultWriter");
        if (writer.has("Resource")) {
            JsonNode args = arguments(writer);
            object(state + " (ResultWriter)", "s3:PutObject", AslValue.of(args, "Bucket"), AslValue.of(args, "Prefix"));
        }
        JsonNode processor = map.has("ItemProcessor") ? map.get("ItemProcessor") : map.path("Iterator");
        if ("DISTRIBUTED".equals(processor.path("ProcessorConfig").path("Mode").asText())) {
            startsOwnExecutions(state);
        }
        walkStates(processor.path("States"));
    }

    /** The substitution's template value, or a problem when the field is not a substitution of a resource. */
    private Optional<JsonNode> substituted(String state, String field, AslValue value) {
        if (value.substitution() == null) {
            problems.add("state '" + state + "': " + field + " is " + value + "; it must be a ${...} substitution so the"
                    + " template can grant access to exactly that resource");
            return Optional.empty();
        }
        JsonNode v = substitutions.get(value.substitution());
        return Optional.ofNullable(v); // undefined substitutions are reported by checkSubstitutions
    }

    private void lambda(String state, AslValue function) {
        substituted(state, "FunctionName", function).ifPresent(v -> {
            String id = References.target(v).orElse(null);
            String type = id == null ? null : template.typeOf(id);
            if (!"AWS::Serverless::Function".equals(type) && !"AWS::Lambda::Function".equals(type)) {
                problems.add("state '" + state + "': " + function + " is " + v + ", not a Lambda function of the template");
                return;
            }
            boolean alias = References.isAliasRef(v);
            boolean granted = role.stream().filter(s -> s.allowsAction("lambda:InvokeFunction"))
                    .flatMap(s -> s.resources().stream())
                    .anyMatch(r -> r.equals(v) || coversFunction(r, id, alias));
            if (!granted) {
                problems.add("state '" + state + "' invokes " + function + " (" + id + (alias ? " alias" : "")
                        + ") but the role of " + machineId + " does not allow lambda:InvokeFunction on it");
            }
        });
    }

    private static boolean coversFunction(JsonNode resource, String function, boolean alias) {
        String sub = References.subText(resource).orElse(null);
        if (alias) {
            return ("${" + function + ".Arn}:*").equals(sub);
        }
        return (function.equals(References.target(resource).orElse(null)) && !References.isAliasRef(resource))
                || ("${" + function + ".Arn}").equals(sub) || ("${" + function + ".Arn}*").equals(sub);
    }

    private void queue(String state, AslValue url, String action) {
        substituted(state, "QueueUrl", url).ifPresent(v -> {
            String id = References.target(v).orElse(null);
            if (id == null || !"AWS::SQS::Queue".equals(template.typeOf(id))) {
                problems.add("state '" + state + "': " + url + " is " + v + ", not an SQS queue of the template");
                return;
            }
            if (!allowedOn(action, r -> id.equals(References.target(r).orElse(null)))) {
                problems.add("state '" + state + "' sends to " + url + " (" + id + ") but the role of " + machineId
                        + " does not allow " + action + " on it");
            }
        });
    }

    private void table(String state, String action, AslValue name) {
        substituted(state, "TableName", name).ifPresent(v -> {
            String id = References.target(v).orElse(null);
            if (id == null || !"AWS::DynamoDB::Table".equals(template.typeOf(id))) {
                problems.add("state '" + state + "': " + name + " is " + v + ", not a DynamoDB table of the template");
                return;
            }
            if (!allowedOn(action, r -> id.equals(References.target(r).orElse(null)))) {
                problems.add("state '" + state + "' uses table " + name + " (" + id + ") but the role of " + machineId
                        + " does not allow " + action + " on it");
            }
        });
    }

    /** The bucket's logical id, or null when the bucket comes from the state's input at run time. */
    private String bucketOf(String state, AslValue bucket) {
        if (bucket.dynamic()) {
            return null;
        }
        JsonNode v = substituted(state, "Bucket", bucket).orElse(null);
        if (v == null) {
            return "";
        }
        String id = References.target(v).orElse(null);
        if (id == null || !"AWS::S3::Bucket".equals(template.typeOf(id))) {
            problems.add("state '" + state + "': " + bucket + " is " + v + ", not an S3 bucket of the template");
            return "";
        }
        return id;
    }

    private void object(String state, String action, AslValue bucket, AslValue key) {
        String id = bucketOf(state, bucket);
        if ("".equals(id)) {
            return;
        }
        String keyPrefix = key.literalPrefix();
        boolean granted = allowedOn(action, r -> {
            String sub = References.subText(r).orElse(null);
            if (sub == null) {
                return false;
            }
            String bucketId = References.subLeadingResource(sub).orElse(null);
            if (bucketId == null || !"AWS::S3::Bucket".equals(template.typeOf(bucketId)) || (id != null && !id.equals(bucketId))) {
                return false;
            }
            String pattern = sub.substring(sub.indexOf('}') + 1);
            if (!pattern.startsWith("/")) {
                return false;
            }
            pattern = pattern.substring(1);
            if (keyPrefix == null) {
                return true; // a key known only at run time: any object grant on the bucket is the best to ask
            }
            return pattern.endsWith("*") ? keyPrefix.startsWith(pattern.substring(0, pattern.length() - 1))
                    : pattern.equals(keyPrefix);
        });
        if (!granted) {
            problems.add("state '" + state + "' needs " + action + " on " + (id == null ? "the bucket of its input" : id)
                    + (keyPrefix == null ? "" : " under '" + keyPrefix + "'") + " but the role of " + machineId
                    + " does not allow it");
        }
    }

    private void bucket(String state, String action, AslValue bucket) {
        String id = bucketOf(state, bucket);
        if ("".equals(id)) {
            return;
        }
        boolean granted = allowedOn(action, r -> {
            String target = References.target(r).orElse(null);
            return target != null && "AWS::S3::Bucket".equals(template.typeOf(target)) && (id == null || id.equals(target));
        });
        if (!granted) {
            problems.add("state '" + state + "' needs " + action + " on " + (id == null ? "its input's bucket" : id)
                    + " but the role of " + machineId + " does not allow it");
        }
    }

    private void startsOwnExecutions(String state) {
        JsonNode name = template.resource(machineId).orElseThrow().path("Properties").path("Name");
        String nameText = name.isTextual() ? name.asText() : References.subText(name).orElse(null);
        if (nameText == null) {
            problems.add("state '" + state + "' is a Distributed Map: its child executions need states:StartExecution on "
                    + machineId + " itself; give " + machineId + " a Name (text or Fn::Sub) so its role can name that ARN");
            return;
        }
        String arn = "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:" + nameText;
        if (!allowedOn("states:StartExecution", r -> arn.equals(References.subText(r).orElse(r.asText())))) {
            problems.add("state '" + state + "' is a Distributed Map but the role of " + machineId
                    + " does not allow states:StartExecution on " + arn);
        }
    }

    private boolean allowedOn(String action, java.util.function.Predicate<JsonNode> resource) {
        return role.stream().filter(s -> s.allowsAction(action)).flatMap(s -> s.resources().stream()).anyMatch(resource);
    }
}
