package io.sensoretl.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
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
        env.remove("AWS_PROFILE");
        env.remove("AWS_SESSION_TOKEN");
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("aws " + String.join(" ", args) + " ends").isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("aws " + String.join(" ", args) + ": " + err).isZero();
        return out.isBlank() ? Json.object() : Json.parse(out);
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
}
