package io.sensoretl.deploy.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.deploy.template.Intrinsics;
import io.sensoretl.deploy.template.Parameter;
import io.sensoretl.deploy.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reserved concurrency on every function, as a parameter with a default of at least 1 (a reservation
 * of 0 stops a function): it guarantees the function its share of the account's concurrency and caps
 * it, so a Distributed Map of up to 10,000 children cannot starve every other function of the account.
 * The function the Map invokes gets at least the Map's default MaxConcurrency (otherwise the Map's own
 * children are throttled), and its provisioned concurrency stays within its reservation (Lambda
 * refuses more).
 */
public final class ConcurrencyCheck {
    private ConcurrencyCheck() {}

    /**
     * @param mapFunction       the function the Distributed Map invokes per item
     * @param mapConcurrency    the parameter that sets the Map's MaxConcurrency
     */
    public static List<String> check(Template template, String mapFunction, String mapConcurrency) {
        List<String> problems = new ArrayList<>();
        template.resourcesOfType("AWS::Serverless::Function").forEach((id, f) -> {
            String where = "Resources." + id + ".Properties.ReservedConcurrentExecutions";
            JsonNode value = template.functionProperty(id, "ReservedConcurrentExecutions");
            if (value.isMissingNode()) {
                problems.add(where + ": no reserved concurrency (neither on the function nor in Globals.Function)");
                return;
            }
            OptionalLong reserved = defaultOf(template, value);
            Optional<String> parameter = Intrinsics.parameterRef(template, value);
            if (parameter.isEmpty()) {
                problems.add(where + ": expected !Ref to a Number parameter, so a deployment can size it; found " + value);
                return;
            }
            Parameter p = Parameter.of(template, parameter.get());
            if (reserved.isEmpty() || reserved.getAsLong() < 1 || p.minValue().orElse(0) < 1) {
                problems.add(p.where() + ": reserved concurrency needs a Default and a MinValue of at least 1 (0 stops the function)");
                return;
            }
            if (id.equals(mapFunction)) {
                OptionalLong map = Parameter.of(template, mapConcurrency).numberDefault();
                if (map.isPresent() && reserved.getAsLong() < map.getAsLong()) {
                    problems.add(where + ": default " + reserved.getAsLong() + " (" + p.name() + ") is below " + mapConcurrency
                            + "'s default " + map.getAsLong() + ": the Distributed Map's own children would be throttled");
                }
                provisionedDefault(template, id).ifPresent(provisioned -> {
                    if (provisioned > reserved.getAsLong()) {
                        problems.add(where + ": default " + reserved.getAsLong() + " is below the provisioned concurrency's"
                                + " default " + provisioned + " (Lambda refuses more provisioned than reserved)");
                    }
                });
            }
        });
        return problems;
    }

    private static OptionalLong defaultOf(Template template, JsonNode value) {
        if (value.isNumber()) {
            return OptionalLong.of(value.asLong());
        }
        return Intrinsics.parameterRef(template, value).map(p -> Parameter.of(template, p).numberDefault())
                .orElse(OptionalLong.empty());
    }

    private static Optional<Long> provisionedDefault(Template template, String id) {
        JsonNode config = template.functionProperty(id, "ProvisionedConcurrencyConfig");
        for (String name : parametersIn(template, config)) {
            OptionalLong d = Parameter.of(template, name).numberDefault();
            if (d.isPresent()) {
                return Optional.of(d.getAsLong());
            }
        }
        JsonNode literal = config.path("ProvisionedConcurrentExecutions");
        return literal.isNumber() ? Optional.of(literal.asLong()) : Optional.empty();
    }

    private static List<String> parametersIn(Template template, JsonNode value) {
        List<String> out = new ArrayList<>();
        template.root().path("Parameters").fieldNames().forEachRemaining(name -> {
            if (Intrinsics.refersTo(value, name)) {
                out.add(name);
            }
        });
        return out;
    }
}
