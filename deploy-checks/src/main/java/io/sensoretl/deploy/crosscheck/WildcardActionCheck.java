package io.sensoretl.deploy.crosscheck;

import io.sensoretl.deploy.template.Template;
import java.util.ArrayList;
import java.util.List;

/**
 * Least privilege: no Allow statement of the template grants a wildcard action ({@code *},
 * {@code s3:*}, {@code s3:Get*}) or uses {@code NotAction}. Deny statements may use service wildcards:
 * they grant nothing (the TLS-only bucket policies deny {@code s3:*} over plain HTTP).
 */
public final class WildcardActionCheck {
    private WildcardActionCheck() {}

    public static List<String> check(Template template) {
        List<String> problems = new ArrayList<>();
        for (Statement s : Policies.all(template)) {
            if (!s.allow()) {
                continue;
            }
            if (s.notAction()) {
                problems.add(s.where() + ": an Allow with NotAction grants every other action; name the actions");
            }
            for (String action : s.actions()) {
                if (action.contains("*")) {
                    problems.add(s.where() + ": Allow of the wildcard action '" + action + "'; name the actions one by one");
                }
            }
            if (s.actions().isEmpty()) {
                problems.add(s.where() + ": an Allow statement without Action");
            }
        }
        return problems;
    }
}
