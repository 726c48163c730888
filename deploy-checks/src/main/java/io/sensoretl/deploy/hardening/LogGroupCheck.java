package io.sensoretl.deploy.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.deploy.template.Template;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every function logs to a log group the template declares (its own: {@code LoggingConfig.LogGroup}
 * names an {@code AWS::Logs::LogGroup}), so retention and encryption are set by the stack: a log group
 * Lambda creates by itself keeps logs forever, unencrypted by the customer key. Every declared log
 * group has a retention.
 */
public final class LogGroupCheck {
    private LogGroupCheck() {}

    public static List<String> check(Template template) {
        List<String> problems = new ArrayList<>();
        Map<String, String> usedBy = new HashMap<>();
        template.resourcesOfType("AWS::Serverless::Function").forEach((id, f) -> {
            String where = "Resources." + id + ".Properties.LoggingConfig.LogGroup";
            JsonNode group = template.functionProperty(id, "LoggingConfig").path("LogGroup");
            String target = group.path("Ref").asText(null);
            if (target == null || !"AWS::Logs::LogGroup".equals(template.typeOf(target))) {
                problems.add(where + ": expected !Ref to an AWS::Logs::LogGroup of the template, found "
                        + (group.isMissingNode() ? "nothing" : group) + " (Lambda would create /aws/lambda/<function> itself,"
                        + " without retention or the customer-managed key)");
                return;
            }
            String other = usedBy.putIfAbsent(target, id);
            if (other != null) {
                problems.add(where + ": " + target + " is already the log group of " + other + "; give each function its own");
            }
        });
        template.resourcesOfType("AWS::Logs::LogGroup").forEach((id, g) -> {
            if (!g.path("Properties").has("RetentionInDays")) {
                problems.add("Resources." + id + ".Properties.RetentionInDays: no retention (logs would be kept forever)");
            }
        });
        return problems;
    }
}
