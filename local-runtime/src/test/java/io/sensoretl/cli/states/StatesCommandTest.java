package io.sensoretl.cli.states;

import io.sensoretl.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatesCommandTest {
    @TempDir
    Path dir;

    private static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void runPrintsStatusAndOutputAndRecordsHistory() throws Exception {
        Path def = file("hello.json", """
                {"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"msg.$":"States.Format('hi {}', $.who)"},"End":true}}}""");
        Path input = file("in.json", "{\"who\":\"ana\"}");
        String store = dir.resolve("store").toString();
        CliRun run = cli("states", "run", def.toString(), "--input", "@" + input, "--execution-name", "e1", "--store", store);
        assertThat(run.exit()).isZero();
        assertThat(Json.parse(run.out().strip())).isEqualTo(Json.parse("{\"schemaVersion\":1,\"status\":\"SUCCEEDED\",\"output\":{\"msg\":\"hi ana\"}}"));

        CliRun history = cli("states", "history", "e1", "--store", store);
        JsonNode events = Json.parse(history.out()).path("events");
        assertThat(events.get(0).path("type").asText()).isEqualTo("ExecutionStarted");
        assertThat(events.get(events.size() - 1).path("type").asText()).isEqualTo("ExecutionSucceeded");
    }

    @Test
    void statesCommandsKeepExecutionsInTheDataDirLikeEveryOtherCommand() throws Exception {
        Path def = file("hello.json", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}");
        String dataDir = dir.resolve("data").toString();
        assertThat(cli("states", "run", def.toString(), "--execution-name", "d1", "--data-dir", dataDir).exit()).isZero();

        assertThat(dir.resolve("data/executions")).isDirectory();
        CliRun list = cli("states", "list", "--data-dir", dataDir, "--json");
        assertThat(list.exit()).isZero();
        JsonNode listed = Json.parse(list.out());
        assertThat(listed.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(listed.path("executions")).hasSize(1);
        assertThat(listed.path("executions").get(0).path("name").asText()).isEqualTo("d1");
        assertThat(listed.path("executions").get(0).path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(listed.path("executions").get(0).path("executionArn").asText()).endsWith(":d1");
        assertThat(cli("states", "history", "d1", "--data-dir", dataDir).exit()).isZero();
    }

    @Test
    void runWithAMockConfigTestCaseMocksTheTasksItNames() throws Exception {
        Path def = file("orders.json", io.sensoretl.stepfunctions.MockConfigTest.DEFINITION);
        Path mocks = file("MockConfigFile.json", io.sensoretl.stepfunctions.MockConfigTest.MOCKS);
        String dataDir = dir.resolve("data").toString();
        CliRun happy = cli("states", "run", def.toString(), "--mock-config", mocks.toString(), "--test-case", "HappyPath",
                "--data-dir", dataDir);
        assertThat(happy.exit()).as(happy.err()).isZero();
        assertThat(Json.parse(happy.out().strip())).isEqualTo(Json.parse("{\"schemaVersion\":1,\"status\":\"SUCCEEDED\",\"output\":{\"id\":\"o-1\"}}"));

        CliRun unknown = cli("states", "run", def.toString(), "--mock-config", mocks.toString(), "--test-case", "Nope",
                "--data-dir", dataDir);
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("'Nope'").contains("HappyPath").contains("'orders'");
    }

    @Test
    void virtualTimeSkipsLongWaits() throws Exception {
        Path def = file("wait.json", "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":86400,\"End\":true}}}");
        long start = System.nanoTime();
        CliRun run = cli("states", "run", def.toString(), "--virtual-time", "--store", dir.resolve("s").toString());
        assertThat(run.exit()).isZero();
        assertThat(System.nanoTime() - start).isLessThan(30_000_000_000L);
    }

    @Test
    void failedExecutionPrintsErrorAndCauseAndExitsNonZero() throws Exception {
        Path def = file("fail.json", "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"E\",\"Cause\":\"C\"}}}");
        CliRun run = cli("states", "run", def.toString(), "--input", "{}", "--store", dir.resolve("s").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(Json.parse(run.out().strip())).isEqualTo(Json.parse("{\"schemaVersion\":1,\"status\":\"FAILED\",\"error\":\"E\",\"cause\":\"C\"}"));
    }

    @Test
    void userMistakesAreOneLineWithExitTwo() {
        CliRun run = cli("states", "run", dir.resolve("missing.json").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).contains("definition not found").doesNotContain("\n");
    }

    @Test
    void validateListsEveryProblemWithItsPointer() throws Exception {
        Path def = file("bad.json", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Typo\":1}}}");
        CliRun run = cli("states", "validate", def.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("#/States/A/Typo: unknown field 'Typo'").contains("#/States/A: needs Next");
    }

    @Test
    void validateJsonPrintsOneObjectWithEveryProblem() throws Exception {
        Path bad = file("bad.json", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Typo\":1,\"End\":true}}}");
        CliRun run = cli("states", "validate", "--json", bad.toString());
        assertThat(run.exit()).isEqualTo(1);
        JsonNode report = Json.parse(run.out());
        assertThat(report.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(report.path("definition").asText()).isEqualTo(bad.toString());
        assertThat(report.path("valid").asBoolean(true)).isFalse();
        assertThat(report.path("problems")).hasSize(1);
        assertThat(report.at("/problems/0/pointer").asText()).isEqualTo("/States/A/Typo");
        assertThat(report.at("/problems/0/message").asText()).isEqualTo("unknown field 'Typo'");

        Path good = file("good.json", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}");
        CliRun ok = cli("states", "validate", good.toString(), "--json");
        assertThat(ok.exit()).isZero();
        assertThat(Json.parse(ok.out())).isEqualTo(
                Json.parse("{\"schemaVersion\":1,\"definition\":\"" + good + "\",\"valid\":true,\"problems\":[]}"));
    }

    @Test
    void testCommandRunsVectorsWithLambdaBehavioursAndS3() throws Exception {
        Path vectors = Files.createDirectories(dir.resolve("vectors"));
        Files.writeString(vectors.resolve("lambda.json"), """
                {"name":"lambda-echo","features":["Task"],
                 "definition":{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                   "Parameters":{"FunctionName":"echo-fn","Payload.$":"$"},"OutputPath":"$.Payload","End":true}}},
                 "input":{"a":1},"expected":{"status":"SUCCEEDED","output":{"a":1}},
                 "context":{"region":"us-east-1","accountId":"111111111111","stateMachineName":"sm","executionName":"ex"},
                 "lambda":[{"functionName":"echo-fn","behaviour":{"kind":"echo"}}]}""");
        Files.writeString(vectors.resolve("s3.json"), """
                {"name":"s3-csv","features":["Map","s3"],
                 "definition":{"StartAt":"M","States":{"M":{"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:getObject",
                   "ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW"},"Parameters":{"Bucket":"vector-bucket","Key":"a.csv"}},
                   "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"P",
                   "States":{"P":{"Type":"Pass","End":true}}},"End":true}}},
                 "input":{},"expected":{"status":"SUCCEEDED","output":[{"h":"1"},{"h":"2"}]},
                 "context":{},"s3":{"vector-bucket/a.csv":"h\\n1\\n2\\n"},"s3Buckets":["vector-bucket"]}""");
        Files.writeString(vectors.resolve("wrong.json"), """
                {"name":"wrong","features":["Pass"],"definition":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},
                 "input":{"x":1},"expected":{"status":"SUCCEEDED","output":{"x":2}},"context":{}}""");
        CliRun text = cli("states", "test", vectors.toString());
        assertThat(text.exit()).isEqualTo(1);
        assertThat(text.out()).contains("PASS lambda-echo").contains("PASS s3-csv").contains("FAIL wrong").contains("2/3 vectors passed");

        CliRun json = cli("states", "test", vectors.toString(), "--json");
        JsonNode report = Json.parse(json.out());
        assertThat(report.path("total").asInt()).isEqualTo(3);
        assertThat(report.path("passed").asInt()).isEqualTo(2);
        assertThat(report.path("failed").asInt()).isEqualTo(1);
        assertThat(report.path("byFeature").path("Pass").path("passed").asInt()).isZero();
        assertThat(report.path("failures").get(0).path("name").asText()).isEqualTo("wrong");
        assertThat(report.path("failures").get(0).has("expected")).isTrue();
        assertThat(report.path("failures").get(0).has("got")).isTrue();
    }

    @Test
    void serveHelpListsEveryActionTheServiceAnswersAndServeHelpItsSfnPort() {
        String help = CliRun.of("states", "serve", "--help").out().replaceAll("\\s+", " ");
        for (String action : io.sensoretl.stepfunctions.StepFunctionsService.ACTIONS) {
            assertThat(help).contains(action);
        }
        assertThat(CliRun.of("serve", "--help").out()).contains("--sfn-port=<port>");
    }
}
