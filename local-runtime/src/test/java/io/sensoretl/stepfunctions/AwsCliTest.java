package io.sensoretl.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.json.Json;
import io.sensoretl.local.LocalS3;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real AWS CLI against `states serve` with --endpoint-url (skipped where `aws` is not installed). */
class AwsCliTest {
    @TempDir
    Path dir;

    private static Path aws() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(p, "aws");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private JsonNode aws(Path aws, String endpoint, String... args) throws Exception {
        Ran r = run(aws, endpoint, args);
        assertThat(r.exit()).as("aws " + String.join(" ", args) + ": " + r.err()).isZero();
        return r.out().isBlank() ? Json.object() : Json.parse(r.out());
    }

    /** A command expected to fail: its error output. */
    private String awsFails(Path aws, String endpoint, String... args) throws Exception {
        Ran r = run(aws, endpoint, args);
        assertThat(r.exit()).as("aws " + String.join(" ", args) + " fails: " + r.out()).isNotZero();
        return r.err();
    }

    private record Ran(int exit, String out, String err) {}

    private Ran run(Path aws, String endpoint, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(aws.toString(), "stepfunctions"));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", endpoint, "--output", "json"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", LocalS3.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", LocalS3.SECRET_KEY);
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", dir.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
        // StartSyncExecution and TestState go to the host "sync-<endpoint host>" otherwise
        env.put("AWS_DISABLE_HOST_PREFIX_INJECTION", "true");
        env.remove("AWS_PROFILE");
        env.remove("AWS_SESSION_TOKEN");
        // output goes to files: a pipe the process fills while we wait would block it
        Path out = dir.resolve("aws-" + System.nanoTime() + ".out");
        Path err = dir.resolve("aws-" + System.nanoTime() + ".err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("aws " + String.join(" ", args) + " ends").isTrue();
        return new Ran(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** What {@code aws --version} prints, for skip messages. */
    private String version(Path aws) {
        try {
            Path out = dir.resolve("aws-version.out");
            Process p = new ProcessBuilder(aws.toString(), "--version").redirectErrorStream(true).redirectOutput(out.toFile()).start();
            return p.waitFor(30, TimeUnit.SECONDS) ? Files.readString(out, StandardCharsets.UTF_8).strip() : "version unknown";
        } catch (Exception e) {
            return "version unknown: " + e.getMessage();
        }
    }

    @Test
    void theAwsCliCreatesRunsAndInspectsAnExecution() throws Exception {
        Path aws = aws();
        assumeTrue(aws != null, "the AWS CLI ('aws') is not on PATH: install it (Debian: apt-get install awscli; "
                + ".ci/run does) to run this test");
        try (LocalStepFunctions local = new LocalStepFunctions(dir.resolve("data"), null)) {
            String endpoint = local.server.endpoint().toString();
            JsonNode created = aws(aws, endpoint, "create-state-machine", "--name", "greet", "--definition",
                    StepFunctionsApiTest.GREET, "--role-arn", StepFunctionsApiTest.ROLE);
            String arn = created.path("stateMachineArn").asText();
            assertThat(arn).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:greet");
            String exec = aws(aws, endpoint, "start-execution", "--state-machine-arn", arn, "--name", "cli",
                    "--input", "{\"who\":\"cli\"}").path("executionArn").asText();
            JsonNode described = null;
            for (int i = 0; i < 100; i++) {
                described = aws(aws, endpoint, "describe-execution", "--execution-arn", exec);
                if (!described.path("status").asText().equals("RUNNING")) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(described.path("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(Json.parse(described.path("output").asText())).isEqualTo(Json.parse("{\"msg\":\"hi cli\"}"));
            JsonNode history = aws(aws, endpoint, "get-execution-history", "--execution-arn", exec, "--reverse-order");
            assertThat(history.path("events").get(0).path("type").asText()).isEqualTo("ExecutionSucceeded");
            assertThat(aws(aws, endpoint, "list-executions", "--state-machine-arn", arn, "--status-filter", "SUCCEEDED")
                    .path("executions")).hasSize(1);
        }
    }

    @Test
    void theAwsCliTestsAState() throws Exception {
        Path aws = aws();
        assumeTrue(aws != null, "the AWS CLI ('aws') is not on PATH: install it (Debian: apt-get install awscli; "
                + ".ci/run does) to run this test");
        try (LocalStepFunctions local = new LocalStepFunctions(dir.resolve("data"), null)) {
            String endpoint = local.server.endpoint().toString();
            String[] testState = {"test-state", "--definition",
                    "{\"Type\":\"Pass\",\"InputPath\":\"$.a\",\"Parameters\":{\"b.$\":\"$.x\"},\"Next\":\"N\"}",
                    "--role-arn", StepFunctionsApiTest.ROLE, "--input", "{\"a\":{\"x\":1}}", "--inspection-level", "DEBUG"};
            Ran r = run(aws, endpoint, testState);
            // TestState came to the CLI in late 2023: Debian 12's awscli 2.9.19 answers "Invalid choice" (exit 252)
            assumeFalse(r.exit() == 252 && r.err().contains("Invalid choice"), () -> aws + " has no 'stepfunctions test-state' ("
                    + version(aws) + "); TestState over HTTP is covered through the SDK by TestStateApiTest");
            assertThat(r.exit()).as("aws test-state: " + r.err()).isZero();
            JsonNode tested = Json.parse(r.out());
            assertThat(tested.path("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(tested.path("nextState").asText()).isEqualTo("N");
            assertThat(Json.parse(tested.path("output").asText())).isEqualTo(Json.parse("{\"b\":1}"));
            assertThat(Json.parse(tested.at("/inspectionData/afterInputPath").asText())).isEqualTo(Json.parse("{\"x\":1}"));
        }
    }

    @Test
    void theAwsCliInspectsAMapRun() throws Exception {
        Path aws = aws();
        assumeTrue(aws != null, "the AWS CLI ('aws') is not on PATH: install it (Debian: apt-get install awscli; "
                + ".ci/run does) to run this test");
        try (LocalStepFunctions local = new LocalStepFunctions(dir.resolve("data"), null)) {
            String endpoint = local.server.endpoint().toString();
            String arn = aws(aws, endpoint, "create-state-machine", "--name", "fan", "--role-arn", StepFunctionsApiTest.ROLE,
                    "--definition", """
                    {"StartAt":"Fan","States":{"Fan":{"Type":"Map","End":true,"ItemProcessor":{
                      "ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                      "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""").path("stateMachineArn").asText();
            String exec = aws(aws, endpoint, "start-execution", "--state-machine-arn", arn, "--input", "[1,2,3]")
                    .path("executionArn").asText();
            try (software.amazon.awssdk.services.sfn.SfnClient sdk = local.client()) {
                assertThat(LocalStepFunctions.awaitEnd(sdk, exec).statusAsString()).isEqualTo("SUCCEEDED");
            }
            JsonNode runs = aws(aws, endpoint, "list-map-runs", "--execution-arn", exec).path("mapRuns");
            assertThat(runs).hasSize(1);
            String mapRun = runs.get(0).path("mapRunArn").asText();
            JsonNode described = aws(aws, endpoint, "describe-map-run", "--map-run-arn", mapRun);
            assertThat(described.path("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(described.at("/itemCounts/succeeded").asInt()).isEqualTo(3);
            assertThat(aws(aws, endpoint, "list-executions", "--map-run-arn", mapRun).path("executions")).hasSize(3);
            String missing = mapRun.substring(0, mapRun.lastIndexOf(':') + 1) + "nope";
            assertThat(awsFails(aws, endpoint, "describe-map-run", "--map-run-arn", missing))
                    .contains("ResourceNotFound").contains(missing);
        }
    }
}
