package io.sensoretl.deploy.crosscheck;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.deploy.template.References;
import io.sensoretl.deploy.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks that curated versions a compaction replaced expire on AWS as the compact function expects
 * (docs/finalisation.md, "Readers during compaction"): a lifecycle rule of the data bucket matches
 * the tag the function puts on them, under {@code curated/readings/}, after a number of days given
 * by a parameter of at least one day; the function gets the same parameter
 * ({@code REPLACED_VERSION_RETENTION_DAYS}, for its own sweep) and may tag objects there.
 */
public final class ReplacedVersionsCheck {
    private ReplacedVersionsCheck() {}

    /**
     * @param tagKey    the tag the function sets ({@code S3ObjectStore.REPLACED_TAG_KEY})
     * @param functionId the compact function's logical id
     */
    public static List<String> check(Template template, String bucketId, String functionId, String tagKey) {
        List<String> problems = new ArrayList<>();
        JsonNode bucket = template.resource(bucketId).orElse(null);
        if (bucket == null) {
            problems.add("no resource " + bucketId);
            return problems;
        }
        JsonNode rule = null;
        for (JsonNode r : bucket.path("Properties").path("LifecycleConfiguration").path("Rules")) {
            for (JsonNode f : r.path("TagFilters")) {
                if (tagKey.equals(f.path("Key").asText()) && "true".equals(f.path("Value").asText())) {
                    rule = r;
                }
            }
        }
        if (rule == null) {
            problems.add(bucketId + " has no lifecycle rule matching the tag " + tagKey + "=true that the compact function"
                    + " puts on replaced curated versions: they would never expire");
            return problems;
        }
        String id = rule.path("Id").asText("(no Id)");
        if (!"Enabled".equals(rule.path("Status").asText())) {
            problems.add("lifecycle rule " + id + " is not Enabled");
        }
        String prefix = rule.has("Prefix") ? rule.path("Prefix").asText() : rule.path("Filter").path("Prefix").asText("");
        if (!"curated/readings/".startsWith(prefix) && !prefix.startsWith("curated/readings/")) {
            problems.add("lifecycle rule " + id + " has prefix " + prefix + ", not curated/readings/ where the versions are");
        }
        Optional<String> days = References.target(rule.path("ExpirationInDays"));
        if (days.isEmpty() || !template.hasParameter(days.get())) {
            problems.add("lifecycle rule " + id + " must take ExpirationInDays from a parameter (the grace period), found "
                    + rule.path("ExpirationInDays"));
        } else {
            JsonNode parameter = template.root().path("Parameters").path(days.get());
            if (parameter.path("MinValue").asDouble(0) < 1) {
                problems.add("parameter " + days.get() + " must have MinValue 1: a replaced version must outlive the"
                        + " longest query");
            }
            JsonNode env = template.functionProperty(functionId, "Environment").path("Variables")
                    .path("REPLACED_VERSION_RETENTION_DAYS");
            if (!days.equals(References.target(env))) {
                problems.add(functionId + " must get REPLACED_VERSION_RETENTION_DAYS: !Ref " + days.get()
                        + " (its sweep applies the same grace period), found " + env);
            }
        }
        List<String> notUnderstood = new ArrayList<>();
        boolean mayTag = Policies.ofRole(template, functionId, notUnderstood).stream()
                .anyMatch(s -> s.allow() && s.allowsAction("s3:PutObjectTagging") && s.resources().stream()
                        .anyMatch(r -> References.subText(r).orElse("").matches(".*/curated/(readings/)?\\*")));
        if (!mayTag) {
            problems.add(functionId + " may not s3:PutObjectTagging under curated/readings/: replaced versions could not"
                    + " be tagged for rule " + id);
        }
        return problems;
    }
}
