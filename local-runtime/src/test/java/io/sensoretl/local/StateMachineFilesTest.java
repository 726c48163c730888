package io.sensoretl.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sensoretl.asl.engine.AslEngine;
import io.sensoretl.asl.json.Json;
import io.sensoretl.lambda.LambdaFunction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every definition in {@code statemachine/} passes the external validator (npm asl-validator, which
 * the build installs into tools/node) and our engine's, and uses exactly the substitutions agreed
 * with template.yaml.
 */
class StateMachineFilesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path STATEMACHINES = ROOT.resolve("statemachine");
    private static final Path VALIDATOR = ROOT.resolve("tools/node/node_modules/asl-validator/dist/bin/asl-validator.js");
    /** The names template.yaml fills (DefinitionSubstitutions); the local runtime fills the same. */
    static final List<String> SUBSTITUTIONS = Stream.concat(
            Stream.of("CompactMaxConcurrency", "DataBucket", "DeadLetterQueueUrl", "MapMaxConcurrency", "ToleratedFailurePercentage"),
            Arrays.stream(LambdaFunction.values()).map(LambdaFunction::substitution)).sorted().toList();

    @TempDir
    Path tmp;

    private static List<Path> definitions() throws IOException {
        try (Stream<Path> files = Files.list(STATEMACHINES)) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertThat(all).as("definitions in " + STATEMACHINES).isNotEmpty();
            return all;
        }
    }

    private static boolean validatorInstalled() {
        if (!Files.exists(VALIDATOR)) {
            System.err.println("skipped: asl-validator is not installed at " + VALIDATOR + " (the build runs npm ci in tools/node)");
            return false;
        }
        return true;
    }

    private static Validation validate(Path file) throws Exception {
        Process p = new ProcessBuilder("node", VALIDATOR.toString(), "--json-path", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("asl-validator finished").isTrue();
        return new Validation(p.exitValue(), output);
    }

    private record Validation(int exit, String output) {}

    @Test
    void everyDefinitionPassesAslValidator() throws Exception {
        assumeTrue(validatorInstalled(), "asl-validator not installed");
        for (Path file : definitions()) {
            Validation r = validate(file);
            assertThat(r.exit()).as(file + ": " + r.output()).isZero();
        }
    }

    @Test
    void aslValidatorRejectsADanglingNext() throws Exception {
        assumeTrue(validatorInstalled(), "asl-validator not installed");
        Path broken = tmp.resolve("broken.asl.json");
        Files.writeString(broken, Files.readString(STATEMACHINES.resolve("sensor-etl.asl.json"))
                .replace("\"Next\": \"Plan chunks\"", "\"Next\": \"No such state\""));
        assertThat(validate(broken).exit()).isNotZero();
    }

    @Test
    void everyDefinitionLoadsInTheEngineOnceSubstituted() throws Exception {
        Map<String, String> values = new TreeMap<>();
        for (String name : SUBSTITUTIONS) {
            values.put(name, name.endsWith("FunctionArn") ? "arn:aws:lambda:eu-west-1:111122223333:function:" + name
                    : name.equals("DeadLetterQueueUrl") ? "https://sqs.eu-west-1.amazonaws.com/111122223333/dlq"
                    : name.equals("DataBucket") ? "data-bucket" : "10");
        }
        for (Path file : definitions()) {
            String text = Files.readString(file);
            assertThat(DefinitionSubstitutions.names(text)).as(file.toString()).containsExactlyElementsOf(SUBSTITUTIONS);
            AslEngine.load(Json.parse(DefinitionSubstitutions.apply(text, values)));
        }
    }

    @Test
    void theRuntimeRunsTheFileInStatemachineAsIs() throws Exception {
        assertThat(WorkflowDefinition.text()).isEqualTo(Files.readString(STATEMACHINES.resolve("sensor-etl.asl.json")));
    }

    @Test
    void aSubstitutionWithoutAValueIsNamed() {
        assertThatThrownBy(() -> DefinitionSubstitutions.apply("{\"a\":\"${Known}\",\"b\":\"${Unknown}\"}", Map.of("Known", "x")))
                .hasMessage("the definition uses substitutions without a value: [Unknown]");
        assertThat(DefinitionSubstitutions.apply("{\"a\":\"${Known}\"}", Map.of("Known", "x$1"))).isEqualTo("{\"a\":\"x$1\"}");
    }
}
