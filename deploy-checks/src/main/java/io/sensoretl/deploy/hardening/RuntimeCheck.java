package io.sensoretl.deploy.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.deploy.template.Intrinsics;
import io.sensoretl.deploy.template.Parameter;
import io.sensoretl.deploy.template.Template;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every runtime a function can be deployed with is one Lambda still creates functions on: a literal
 * runtime, or a parameter whose allowed values (and default) are all supported. The code is compiled
 * with {@code --release 17}, which runs on each of them.
 */
public final class RuntimeCheck {
    /** Java runtimes Lambda creates new functions on (java17 is no longer among them). */
    public static final List<String> SUPPORTED = List.of("java21", "java25");

    private RuntimeCheck() {}

    public static List<String> check(Template template) {
        List<String> problems = new ArrayList<>();
        Set<String> reported = new LinkedHashSet<>();
        template.resourcesOfType("AWS::Serverless::Function").forEach((id, f) -> {
            JsonNode runtime = template.functionProperty(id, "Runtime");
            String where = f.path("Properties").has("Runtime") ? "Resources." + id + ".Properties.Runtime" : "Globals.Function.Runtime";
            Optional<String> parameter = Intrinsics.parameterRef(template, runtime);
            if (parameter.isPresent()) {
                Parameter p = Parameter.of(template, parameter.get());
                if (!reported.add(p.name())) {
                    return;
                }
                List<String> offered = p.allowedValues();
                if (offered.isEmpty()) {
                    problems.add(p.where() + ": no AllowedValues, so any runtime could be deployed; allow only " + SUPPORTED);
                }
                for (String value : offered) {
                    if (!SUPPORTED.contains(value)) {
                        problems.add(p.where() + ".AllowedValues: offers " + value + ", on which Lambda no longer creates"
                                + " functions; supported: " + SUPPORTED);
                    }
                }
                if (!SUPPORTED.contains(p.defaultText())) {
                    problems.add(p.where() + ".Default: " + p.defaultText() + " is not one of " + SUPPORTED);
                }
            } else if (!SUPPORTED.contains(runtime.asText(null)) && reported.add(where)) {
                problems.add(where + ": " + (runtime.isMissingNode() ? "no runtime" : runtime.asText(runtime.toString()))
                        + " is not one of " + SUPPORTED);
            }
        });
        return problems;
    }
}
