package io.sensoretl.deploy.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.deploy.Repo;
import io.sensoretl.deploy.template.References;
import io.sensoretl.deploy.template.Template;
import io.sensoretl.lambda.LambdaFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * template.yaml deploys exactly the functions of the registry ({@link LambdaFunction}), each with its
 * handler, jar, memory and timeout parameters (and their defaults), and names each in the state
 * machine's substitutions.
 */
class FunctionRegistryTemplateTest {

    static List<String> problems(Template template) {
        List<String> problems = new ArrayList<>();
        Set<String> declared = new TreeSet<>(template.resourcesOfType("AWS::Serverless::Function").keySet());
        Set<String> registered = new TreeSet<>(Arrays.stream(LambdaFunction.values()).map(LambdaFunction::templateResource).toList());
        if (!declared.equals(registered)) {
            problems.add("functions in template.yaml " + declared + " are not the registry's " + registered);
        }
        JsonNode substitutions = template.resourcesOfType("AWS::Serverless::StateMachine").values().stream()
                .map(m -> m.path("Properties").path("DefinitionSubstitutions")).findFirst().orElseThrow();
        for (LambdaFunction f : LambdaFunction.values()) {
            String id = f.templateResource();
            if (template.resource(id).isEmpty()) {
                continue;
            }
            expect(problems, id + ".Handler", template.functionProperty(id, "Handler").asText(), f.handlerClass() + "::handleRequest");
            expect(problems, id + ".CodeUri", template.functionProperty(id, "CodeUri").asText(), f.codeUri());
            LambdaFunction.Sizing sizing = f.sizing();
            JsonNode ownMemory = template.resource(id).orElseThrow().path("Properties").path("MemorySize");
            JsonNode ownTimeout = template.resource(id).orElseThrow().path("Properties").path("Timeout");
            if (sizing.global() && !(ownMemory.isMissingNode() && ownTimeout.isMissingNode())) {
                problems.add(id + " sets its own MemorySize/Timeout; the registry gives it the Globals' (" + sizing + ")");
            }
            expect(problems, id + ".MemorySize", parameterOf(template.functionProperty(id, "MemorySize")), sizing.memoryParameter());
            expect(problems, id + ".Timeout", parameterOf(template.functionProperty(id, "Timeout")), sizing.timeoutParameter());
            expect(problems, "Parameters." + sizing.memoryParameter() + ".Default",
                    template.root().path("Parameters").path(sizing.memoryParameter()).path("Default").asText(),
                    String.valueOf(sizing.memoryMb()));
            expect(problems, "Parameters." + sizing.timeoutParameter() + ".Default",
                    template.root().path("Parameters").path(sizing.timeoutParameter()).path("Default").asText(),
                    String.valueOf(sizing.timeoutSeconds()));
            expect(problems, "DefinitionSubstitutions." + f.substitution(),
                    References.target(substitutions.get(f.substitution())).orElse(null), id);
        }
        return problems;
    }

    private static String parameterOf(JsonNode value) {
        return value.path("Ref").asText(null);
    }

    private static void expect(List<String> problems, String where, String actual, String expected) {
        if (!expected.equals(actual)) {
            problems.add(where + ": expected " + expected + " (registry), found " + actual);
        }
    }

    @Test
    void theTemplateDeploysExactlyTheRegisteredFunctions() {
        assertThat(Repo.template().resourcesOfType("AWS::Serverless::Function")).hasSize(LambdaFunction.values().length);
        assertThat(problems(Repo.template())).isEmpty();
    }

    @Test
    void aFunctionGivenAnotherMemoryParameterIsReported() {
        Template t = Repo.mutated("      MemorySize: !Ref TransformMemoryMB\n", "      MemorySize: !Ref CompactMemoryMB\n");
        assertThat(problems(t)).containsExactly(
                "TransformFunction.MemorySize: expected TransformMemoryMB (registry), found CompactMemoryMB");
    }

    @Test
    void aChangedDefaultTimeoutIsReported() {
        Template t = Repo.mutated("    Default: 300\n", "    Default: 600\n");
        assertThat(problems(t)).containsExactly(
                "Parameters.TransformTimeoutSeconds.Default: expected 300 (registry), found 600");
    }

    @Test
    void aFunctionMissingFromTheRegistryIsReported() {
        Template t = Repo.mutated("  CloseRunFunction:\n", "  FinishRunFunction:\n");
        assertThat(problems(t)).first().asString().startsWith("functions in template.yaml [");
    }
}
