package io.sensoretl.deploy.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.deploy.crosscheck.Policies;
import io.sensoretl.deploy.crosscheck.Statement;
import io.sensoretl.deploy.template.Intrinsics;
import io.sensoretl.deploy.template.Parameter;
import io.sensoretl.deploy.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Customer-managed encryption on request: the {@code KmsKeyArn} parameter (empty by default) and its
 * condition {@code HasKmsKey}; every bucket, queue, table, log group and the Athena results encrypted
 * with that key when it is set and AWS-managed otherwise ({@code Fn::If [HasKmsKey, <names the key>,
 * <does not>]}); every role that uses one of those resources may use the key when it is set
 * ({@code kms:Decrypt}, {@code kms:GenerateDataKey}), and no Allow of a {@code kms:} action reaches
 * another key or exists without the condition.
 */
public final class EncryptionCheck {
    public static final String KEY_PARAMETER = "KmsKeyArn";
    public static final String CONDITION = "HasKmsKey";
    /** The actions a role needs to read and write data encrypted with the key (S3, SQS, DynamoDB). */
    public static final List<String> KEY_ACTIONS = List.of("kms:Decrypt", "kms:GenerateDataKey");

    /** Resource type -> the property that chooses its encryption key. */
    private static final Map<String, String> ENCRYPTION = Map.of(
            "AWS::S3::Bucket", "BucketEncryption.ServerSideEncryptionConfiguration[*].ServerSideEncryptionByDefault",
            "AWS::SQS::Queue", "KmsMasterKeyId",
            "AWS::DynamoDB::Table", "SSESpecification",
            "AWS::Logs::LogGroup", "KmsKeyId",
            "AWS::Athena::WorkGroup", "WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration");
    /** Data resources whose users need the key. */
    private static final Set<String> DATA = Set.of("AWS::S3::Bucket", "AWS::SQS::Queue", "AWS::DynamoDB::Table");

    private EncryptionCheck() {}

    public static List<String> check(Template template) {
        List<String> problems = new ArrayList<>();
        Parameter key = Parameter.of(template, KEY_PARAMETER);
        if (!key.exists() || !"".equals(key.defaultText())) {
            problems.add(key.where() + ": expected a String parameter with Default \"\" (no customer-managed key unless one is given)");
        }
        JsonNode condition = template.root().path("Conditions").path(CONDITION);
        if (!isKeySetCondition(condition)) {
            problems.add("Conditions." + CONDITION + ": expected !Not [!Equals [!Ref " + KEY_PARAMETER + ", \"\"]], found "
                    + (condition.isMissingNode() ? "nothing" : condition));
        }
        ENCRYPTION.forEach((type, path) -> template.resourcesOfType(type).forEach((id, resource) ->
                ResourcePaths.values(id, resource, path).forEach((where, value) -> {
                    if (!usesKeyWhenSet(value)) {
                        problems.add(where + ": not encrypted with the customer-managed key when " + KEY_PARAMETER
                                + " is set; expected !If [" + CONDITION + ", <setting naming !Ref " + KEY_PARAMETER
                                + ">, <AWS-managed setting>]");
                    }
                })));
        for (String owner : roleOwners(template)) {
            checkRole(template, owner, problems);
        }
        for (Statement s : Policies.all(template)) {
            if (s.allowsServiceAction("kms")) {
                checkKeyStatement(s, problems);
            }
        }
        return problems;
    }

    private static void checkRole(Template template, String owner, List<String> problems) {
        List<Statement> role = Policies.ofRole(template, owner, new ArrayList<>());
        Set<String> encrypted = new TreeSet<>();
        for (Statement s : role) {
            if (!s.allow() || s.allowsServiceAction("kms")) {
                continue;
            }
            for (JsonNode r : s.resources()) {
                ResourcePaths.target(r).filter(t -> DATA.contains(template.typeOf(t))).ifPresent(encrypted::add);
            }
        }
        if (encrypted.isEmpty()) {
            return;
        }
        boolean mayUseKey = role.stream().anyMatch(s -> CONDITION.equals(s.onlyIf())
                && KEY_ACTIONS.stream().allMatch(s::allowsAction)
                && s.resources().size() == 1 && isKeyRef(s.resources().get(0)));
        if (!mayUseKey) {
            problems.add("Resources." + owner + ".Properties.Policies: uses " + encrypted + " but may not use "
                    + KEY_PARAMETER + " when it is set; add !If [" + CONDITION + ", {Allow " + KEY_ACTIONS + " on !Ref "
                    + KEY_PARAMETER + "}, !Ref AWS::NoValue]");
        }
    }

    private static void checkKeyStatement(Statement s, List<String> problems) {
        if (s.resources().size() != 1 || !isKeyRef(s.resources().get(0))) {
            problems.add(s.where() + ": kms actions must be limited to !Ref " + KEY_PARAMETER + ", found " + s.resources());
        }
        if (!CONDITION.equals(s.onlyIf())) {
            problems.add(s.where() + ": a statement on the key must exist only under " + CONDITION
                    + " (without a key it would name an empty ARN)");
        }
    }

    /** Functions, state machines and IAM roles: whatever has a role of its own in the template. */
    private static List<String> roleOwners(Template template) {
        List<String> out = new ArrayList<>();
        template.resources().forEach((id, r) -> {
            String type = r.path("Type").asText();
            if (type.equals("AWS::Serverless::Function") || type.equals("AWS::Serverless::StateMachine")) {
                out.add(id);
            }
        });
        return out;
    }

    /** {@code Fn::If [HasKmsKey, <names the key>, <does not>]}. */
    static boolean usesKeyWhenSet(JsonNode value) {
        return Intrinsics.ifOn(value, CONDITION)
                .map(b -> Intrinsics.refersTo(b[0], KEY_PARAMETER) && !Intrinsics.refersTo(b[1], KEY_PARAMETER))
                .orElse(false);
    }

    private static boolean isKeyRef(JsonNode value) {
        return KEY_PARAMETER.equals(value.path("Ref").asText(null));
    }

    private static boolean isKeySetCondition(JsonNode c) {
        JsonNode equals = c.path("Fn::Not").path(0).path("Fn::Equals");
        if (!equals.isArray() || equals.size() != 2) {
            return false;
        }
        JsonNode a = equals.get(0);
        JsonNode b = equals.get(1);
        return isKeyRef(a) && "".equals(b.asText(null)) || isKeyRef(b) && "".equals(a.asText(null));
    }
}
