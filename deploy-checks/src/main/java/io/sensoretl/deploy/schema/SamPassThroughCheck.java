package io.sensoretl.deploy.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.deploy.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SAM schema accepts anything for the properties SAM passes through to CloudFormation unchanged
 * ({@code SnapStart}, {@code MemorySize}, the state machine's {@code Logging}, ...). This check gives
 * them the type of the CloudFormation property they become ({@code AWS::Lambda::Function.SnapStart},
 * {@code AWS::StepFunctions::StateMachine.LoggingConfiguration}, ...), for each function with the
 * {@code Globals.Function} values SAM merges in.
 */
public final class SamPassThroughCheck {
    /** SAM function property -> the CloudFormation resource type and property it is passed to. */
    private static final Map<String, String[]> FUNCTION = Map.ofEntries(
            Map.entry("Runtime", new String[] {"AWS::Lambda::Function", "Runtime"}),
            Map.entry("Architectures", new String[] {"AWS::Lambda::Function", "Architectures"}),
            Map.entry("MemorySize", new String[] {"AWS::Lambda::Function", "MemorySize"}),
            Map.entry("Timeout", new String[] {"AWS::Lambda::Function", "Timeout"}),
            Map.entry("Handler", new String[] {"AWS::Lambda::Function", "Handler"}),
            Map.entry("Description", new String[] {"AWS::Lambda::Function", "Description"}),
            Map.entry("Environment", new String[] {"AWS::Lambda::Function", "Environment"}),
            Map.entry("EphemeralStorage", new String[] {"AWS::Lambda::Function", "EphemeralStorage"}),
            Map.entry("LoggingConfig", new String[] {"AWS::Lambda::Function", "LoggingConfig"}),
            Map.entry("SnapStart", new String[] {"AWS::Lambda::Function", "SnapStart"}),
            Map.entry("ReservedConcurrentExecutions", new String[] {"AWS::Lambda::Function", "ReservedConcurrentExecutions"}),
            Map.entry("ProvisionedConcurrencyConfig", new String[] {"AWS::Lambda::Alias", "ProvisionedConcurrencyConfig"}));
    private static final Map<String, String[]> STATE_MACHINE = Map.of(
            "Name", new String[] {"AWS::StepFunctions::StateMachine", "StateMachineName"},
            "Type", new String[] {"AWS::StepFunctions::StateMachine", "StateMachineType"},
            "Logging", new String[] {"AWS::StepFunctions::StateMachine", "LoggingConfiguration"},
            "Tracing", new String[] {"AWS::StepFunctions::StateMachine", "TracingConfiguration"});

    private final ResourceSpecCheck spec;

    public SamPassThroughCheck(ResourceSpec spec) {
        this.spec = new ResourceSpecCheck(spec);
    }

    public List<String> check(Template template) {
        List<String> problems = new ArrayList<>();
        JsonNode globals = template.root().path("Globals").path("Function");
        FUNCTION.forEach((sam, cfn) -> {
            if (globals.has(sam)) {
                spec.checkProperty("Globals.Function." + sam, cfn[0], cfn[1], globals.get(sam), problems);
            }
        });
        template.resourcesOfType("AWS::Serverless::Function").forEach((id, f) ->
                FUNCTION.forEach((sam, cfn) -> {
                    JsonNode own = f.path("Properties").get(sam);
                    if (own != null) {
                        spec.checkProperty("Resources." + id + ".Properties." + sam, cfn[0], cfn[1], own, problems);
                    }
                }));
        template.resourcesOfType("AWS::Serverless::StateMachine").forEach((id, m) ->
                STATE_MACHINE.forEach((sam, cfn) -> {
                    JsonNode own = m.path("Properties").get(sam);
                    if (own != null) {
                        spec.checkProperty("Resources." + id + ".Properties." + sam, cfn[0], cfn[1], own, problems);
                    }
                }));
        return problems;
    }
}
