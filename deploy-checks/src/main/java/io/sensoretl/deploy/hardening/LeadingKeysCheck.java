package io.sensoretl.deploy.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.deploy.crosscheck.Policies;
import io.sensoretl.deploy.crosscheck.Statement;
import io.sensoretl.deploy.template.Template;
import java.util.ArrayList;
import java.util.List;

/**
 * A role that shares a DynamoDB table with other writers reaches only its own items: every Allow it
 * has on the table carries {@code ForAllValues:StringLike} (or {@code StringEquals}) on
 * {@code dynamodb:LeadingKeys} with values that all start with the partition-key prefix of its items
 * (for compaction, the partition leases {@code #lock#<partition>} kept in the run ledger).
 */
public final class LeadingKeysCheck {
    private LeadingKeysCheck() {}

    /**
     * @param owner     the function whose role is checked
     * @param table     the table's logical id
     * @param keyPrefix the partition-key prefix of the items the role may reach
     */
    public static List<String> check(Template template, String owner, String table, String keyPrefix) {
        List<String> problems = new ArrayList<>();
        for (Statement s : Policies.ofRole(template, owner, new ArrayList<>())) {
            if (!s.allow() || s.resources().stream().noneMatch(r -> ResourcePaths.target(r).filter(table::equals).isPresent())) {
                continue;
            }
            JsonNode keys = null;
            for (String operator : List.of("ForAllValues:StringLike", "ForAllValues:StringEquals")) {
                JsonNode k = s.condition().path(operator).path("dynamodb:LeadingKeys");
                if (!k.isMissingNode()) {
                    keys = k;
                }
            }
            if (keys == null) {
                problems.add(s.where() + ": " + s.actions() + " on " + table + " reaches every item; add Condition"
                        + " ForAllValues:StringLike dynamodb:LeadingKeys [\"" + keyPrefix + "*\"]");
                continue;
            }
            List<JsonNode> values = new ArrayList<>();
            if (keys.isArray()) {
                keys.forEach(values::add);
            } else {
                values.add(keys);
            }
            for (JsonNode v : values) {
                String pattern = v.asText("");
                String literal = pattern.replaceFirst("[*?].*$", "");
                if (!literal.startsWith(keyPrefix)) {
                    problems.add(s.where() + ": dynamodb:LeadingKeys '" + pattern + "' reaches items whose key does not start"
                            + " with '" + keyPrefix + "'");
                }
            }
        }
        return problems;
    }
}
