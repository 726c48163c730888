package io.sensoretl.deploy.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.deploy.template.References;
import io.sensoretl.deploy.template.Template;
import java.util.ArrayList;
import java.util.List;

/**
 * What keeps data recoverable: versioned buckets whose noncurrent versions expire (so they are not
 * billed forever), tables with point-in-time recovery and deletion protection that the stack leaves
 * behind when it is deleted ({@code DeletionPolicy: Retain}; a protected table would otherwise make
 * the stack's deletion fail).
 */
public final class DataProtectionCheck {
    private DataProtectionCheck() {}

    public static List<String> check(Template template) {
        List<String> problems = new ArrayList<>();
        template.resourcesOfType("AWS::S3::Bucket").forEach((id, bucket) -> {
            String where = "Resources." + id + ".Properties";
            JsonNode p = bucket.path("Properties");
            if (!"Enabled".equals(p.path("VersioningConfiguration").path("Status").asText())) {
                problems.add(where + ".VersioningConfiguration: versioning is not enabled (an overwritten or deleted object"
                        + " could not be restored)");
            }
            boolean expiresNoncurrent = false;
            for (JsonNode rule : p.path("LifecycleConfiguration").path("Rules")) {
                if ("Enabled".equals(rule.path("Status").asText()) && rule.path("NoncurrentVersionExpiration").has("NoncurrentDays")
                        && !rule.has("Prefix") && !rule.has("TagFilters")
                        && (!rule.has("Filter") || rule.path("Filter").path("Prefix").asText("").isEmpty())) {
                    expiresNoncurrent = true;
                }
            }
            if (!expiresNoncurrent) {
                problems.add(where + ".LifecycleConfiguration: no enabled rule expires the noncurrent versions of every key"
                        + " (NoncurrentVersionExpiration without a prefix); replaced versions would be kept and billed forever");
            }
        });
        template.resourcesOfType("AWS::DynamoDB::Table").forEach((id, table) -> {
            String where = "Resources." + id;
            JsonNode p = table.path("Properties");
            if (!p.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean(false)) {
                problems.add(where + ".Properties.PointInTimeRecoverySpecification: point-in-time recovery is not enabled");
            }
            if (!p.path("DeletionProtectionEnabled").asBoolean(false)) {
                problems.add(where + ".Properties.DeletionProtectionEnabled: deletion protection is not enabled");
            }
            if (!"Retain".equals(table.path("DeletionPolicy").asText())) {
                problems.add(where + ".DeletionPolicy: expected Retain (the table outlives the stack; deleting a protected"
                        + " table would make the stack's deletion fail)");
            }
        });
        checkTlsOnly(template, "AWS::S3::Bucket", "AWS::S3::BucketPolicy", "Bucket", "s3:*", problems);
        checkTlsOnly(template, "AWS::SQS::Queue", "AWS::SQS::QueuePolicy", "Queues", "sqs:*", problems);
        return problems;
    }

    /**
     * Every resource of the type has a resource policy that denies every action of its service to
     * everyone over plain HTTP ({@code aws:SecureTransport} false), on the resource (and, for a
     * bucket, its objects).
     */
    private static void checkTlsOnly(Template template, String type, String policyType, String targetProperty, String allActions,
                                     List<String> problems) {
        template.resourcesOfType(type).forEach((id, resource) -> {
            boolean denied = false;
            for (JsonNode policy : template.resourcesOfType(policyType).values()) {
                JsonNode targets = policy.path("Properties").path(targetProperty);
                if (!names(targets, id)) {
                    continue;
                }
                JsonNode statements = policy.path("Properties").path("PolicyDocument").path("Statement");
                for (JsonNode s : statements.isArray() ? statements : List.of(statements)) {
                    if (deniesPlainHttp(s, allActions, id, type.equals("AWS::S3::Bucket"))) {
                        denied = true;
                    }
                }
            }
            if (!denied) {
                problems.add("Resources." + id + ": no TLS-only policy (an " + policyType + " that denies " + allActions
                        + " to Principal \"*\" when aws:SecureTransport is \"false\", on the " + (type.equals("AWS::S3::Bucket")
                        ? "bucket and its objects" : "queue") + ")");
            }
        });
    }

    private static boolean names(JsonNode targets, String id) {
        if (targets.isArray()) {
            for (JsonNode t : targets) {
                if (References.target(t).filter(id::equals).isPresent()) {
                    return true;
                }
            }
            return false;
        }
        return References.target(targets).filter(id::equals).isPresent();
    }

    private static boolean deniesPlainHttp(JsonNode s, String allActions, String id, boolean objectsToo) {
        if (!"Deny".equals(s.path("Effect").asText())) {
            return false;
        }
        JsonNode principal = s.path("Principal");
        if (!"*".equals(principal.asText(null)) && !"*".equals(principal.path("AWS").asText(null))) {
            return false;
        }
        JsonNode action = s.path("Action");
        boolean every = action.isArray() ? java.util.stream.StreamSupport.stream(action.spliterator(), false)
                .anyMatch(a -> allActions.equals(a.asText()) || "*".equals(a.asText()))
                : allActions.equals(action.asText()) || "*".equals(action.asText());
        if (!every || !"false".equals(s.path("Condition").path("Bool").path("aws:SecureTransport").asText())) {
            return false;
        }
        boolean resource = false;
        boolean objects = false;
        JsonNode r = s.path("Resource");
        for (JsonNode v : r.isArray() ? r : List.of(r)) {
            if (References.target(v).filter(id::equals).isPresent()) {
                resource = true;
            }
            if (References.subText(v).filter(t -> t.equals("${" + id + ".Arn}/*")).isPresent()) {
                objects = true;
            }
        }
        return resource && (objects || !objectsToo);
    }
}
