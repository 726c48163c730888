package io.sensoretl.cli.executions;

import io.sensoretl.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutionsCommandTest {
    private static final String MACHINE = "arn:aws:states:eu-west-1:123456789012:stateMachine:demo-sensor-etl";

    @TempDir
    Path dir;

    @BeforeAll
    static void fakeCredentials() {
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "secret");
    }

    @AfterAll
    static void clearCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    // ---------------------------------------------------------------- AWS: the requests sent

    @Test
    void listOnAwsPagesThroughListExecutions() throws Exception {
        try (RecordedStepFunctions sfn = new RecordedStepFunctions()) {
            CliRun run = cli("executions", "list", "--on", "aws", "--region", "eu-west-1", "--endpoint-url", sfn.url(),
                    "--state-machine-arn", MACHINE, "--max", "5", "--json");
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(sfn.requests()).extracting(RecordedStepFunctions.Request::operation)
                    .containsExactly("ListExecutions", "ListExecutions");
            assertThat(sfn.requests().get(0).body()).isEqualTo(Json.parse(
                    "{\"stateMachineArn\":\"" + MACHINE + "\",\"maxResults\":5}"));
            assertThat(sfn.requests().get(1).body()).isEqualTo(Json.parse(
                    "{\"stateMachineArn\":\"" + MACHINE + "\",\"maxResults\":3,\"nextToken\":\"page-2\"}"));
            JsonNode out = Json.parse(run.out());
            assertThat(out.path("source").asText()).isEqualTo("aws");
            assertThat(out.path("executions")).hasSize(3);
            assertThat(out.path("executions").get(1)).isEqualTo(Json.parse("""
                    {"name":"run-2","executionArn":"arn:aws:states:eu-west-1:123456789012:execution:demo-sensor-etl:run-2",
                     "stateMachineArn":"%s","status":"FAILED","startDate":"2025-11-28T15:40:00Z","stopDate":"2025-11-28T15:40:12.345Z"}
                    """.formatted(MACHINE)));
        }
    }

    @Test
    void listOnAwsStopsAtMaxAndFiltersByStatus() throws Exception {
        try (RecordedStepFunctions sfn = new RecordedStepFunctions()) {
            CliRun run = cli("executions", "list", "--on", "aws", "--region", "eu-west-1", "--endpoint-url", sfn.url(),
                    "--state-machine-arn", MACHINE, "--max", "2", "--status", "FAILED");
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(sfn.requests()).hasSize(1);
            assertThat(sfn.requests().get(0).body().path("statusFilter").asText()).isEqualTo("FAILED");
            assertThat(run.out()).startsWith("NAME   STATUS   STARTED").contains("run-2  FAILED   2025-11-28T15:40:00Z  12.3 s");
        }
    }

    @Test
    void showOnAwsDescribesReadsEveryHistoryPageAndTheMapRuns() throws Exception {
        try (RecordedStepFunctions sfn = new RecordedStepFunctions()) {
            CliRun run = cli("executions", "show", "run-2", "--on", "aws", "--region", "eu-west-1", "--endpoint-url", sfn.url(),
                    "--state-machine-arn", MACHINE, "--json");
            assertThat(run.exit()).as(run.err()).isZero();
            String arn = "arn:aws:states:eu-west-1:123456789012:execution:demo-sensor-etl:run-2";
            String mapRun = "arn:aws:states:eu-west-1:123456789012:mapRun:demo-sensor-etl/TransformChunks:0b1c2d3e";
            assertThat(sfn.requests()).extracting(r -> r.operation() + " " + r.body()).containsExactly(
                    "DescribeExecution {\"executionArn\":\"" + arn + "\"}",
                    "GetExecutionHistory {\"executionArn\":\"" + arn + "\",\"maxResults\":1000,\"includeExecutionData\":true}",
                    "GetExecutionHistory {\"executionArn\":\"" + arn + "\",\"maxResults\":1000,\"nextToken\":\"history-2\",\"includeExecutionData\":true}",
                    "ListMapRuns {\"executionArn\":\"" + arn + "\",\"maxResults\":1000}",
                    "DescribeMapRun {\"mapRunArn\":\"" + mapRun + "\"}");
            JsonNode out = Json.parse(run.out());
            assertThat(out.path("execution").path("status").asText()).isEqualTo("FAILED");
            assertThat(out.path("execution").path("input").path("detail").path("object").path("key").asText()).isEqualTo("incoming/a.ndjson");
            assertThat(out.path("events")).hasSize(5);
            assertThat(out.path("events").get(1).path("stateEnteredEventDetails").path("name").asText()).isEqualTo("Plan chunks");
            assertThat(out.path("mapRuns").get(0).path("itemCounts").path("failed").asInt()).isEqualTo(1);
            assertThat(out.path("failures")).isEqualTo(Json.parse("""
                    [{"eventId":4,"type":"TaskFailed","state":"Plan chunks","error":"States.TaskFailed","cause":"no chunks: the object is empty"},
                     {"eventId":5,"type":"ExecutionFailed","state":"Plan chunks","error":"States.TaskFailed","cause":"no chunks: the object is empty"}]"""));
        }
    }

    @Test
    void awsWithoutStateMachineIsAUserError() {
        CliRun run = cli("executions", "list", "--on", "aws", "--region", "eu-west-1", "--endpoint-url", "http://127.0.0.1:9");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("sensor-etl list: to list executions on AWS, pass --state-machine-arn"
                + " (the stack output StateMachineArn) or set SENSOR_ETL_STATE_MACHINE_ARN");
    }

    @Test
    void awsWithoutRegionIsAUserError() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("AWS_REGION") == null && System.getenv("AWS_DEFAULT_REGION") == null,
                "AWS_REGION is set in this environment; skipping the missing-region case");
        Path emptyConfig = Files.createFile(dir.resolve("aws-config"));
        System.setProperty("aws.configFile", emptyConfig.toString());
        System.setProperty("aws.disableEc2Metadata", "true");
        try {
            CliRun run = cli("executions", "list", "--on", "aws", "--state-machine-arn", MACHINE, "--endpoint-url", "http://127.0.0.1:9");
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err().strip()).isEqualTo(
                    "sensor-etl list: no AWS region: pass --region, set AWS_REGION, or set a region in your AWS profile");
        } finally {
            System.clearProperty("aws.configFile");
            System.clearProperty("aws.disableEc2Metadata");
        }
    }

    @Test
    void serviceErrorsAreOneLineUserErrors() throws Exception {
        try (RecordedStepFunctions sfn = new RecordedStepFunctions()) {
            String arn = "arn:aws:states:eu-west-1:123456789012:execution:demo-sensor-etl:run-2";
            assertThat(cli("executions", "show", arn, "--on", "aws", "--region", "eu-west-1", "--endpoint-url", sfn.url()).exit())
                    .isZero();
            // the endpoint has one recorded DescribeExecution; the second answers with a service error (HTTP 400)
            CliRun second = cli("executions", "show", arn, "--on", "aws", "--region", "eu-west-1", "--endpoint-url", sfn.url());
            assertThat(second.exit()).isEqualTo(2);
            assertThat(second.err()).startsWith("sensor-etl show: Step Functions: no recorded response DescribeExecution-2");
            assertThat(second.err().strip().lines()).hasSize(1);
        }
    }

    // ---------------------------------------------------------------- local: the engine's records

    @Test
    void localExecutionsHaveTheSameShapeAsAwsOnes() throws Exception {
        Path dataDir = dir.resolve("data");
        Path def = dir.resolve("fanout.json");
        Files.writeString(def, """
                {"StartAt": "Fan out", "States": {
                  "Fan out": {"Type": "Map", "ItemsPath": "$.items", "ToleratedFailurePercentage": 0,
                    "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                      "StartAt": "Check", "States": {
                        "Check": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 2, "Next": "Bad"}], "Default": "Ok"},
                        "Bad": {"Type": "Fail", "Error": "Chunk.Bad", "Cause": "item 2 is bad"},
                        "Ok": {"Type": "Pass", "End": true}}},
                    "End": true}}}""");
        CliRun ran = cli("states", "run", def.toString(), "--input", "{\"items\":[1,2,3]}", "--execution-name", "local-1",
                "--store", dataDir.resolve("executions").toString());
        assertThat(ran.exit()).as(ran.out() + ran.err()).isEqualTo(1);

        CliRun list = cli("executions", "list", "--data-dir", dataDir.toString(), "--json");
        assertThat(list.exit()).as(list.err()).isZero();
        JsonNode listed = Json.parse(list.out());
        assertThat(listed.path("source").asText()).isEqualTo("local");
        assertThat(listed.path("executions")).hasSize(1);
        assertThat(listed.path("executions").get(0).path("status").asText()).isEqualTo("FAILED");

        CliRun show = cli("executions", "show", "local-1", "--data-dir", dataDir.toString(), "--json");
        assertThat(show.exit()).as(show.err()).isZero();
        JsonNode local = Json.parse(show.out());
        assertThat(local.path("mapRuns").get(0).path("itemCounts").path("failed").asInt()).isEqualTo(1);
        assertThat(local.path("failures")).anyMatch(f -> f.path("state").asText().equals("Fan out")
                && f.path("error").asText().equals("States.ExceedToleratedFailureThreshold"));

        try (RecordedStepFunctions sfn = new RecordedStepFunctions()) {
            JsonNode aws = Json.parse(cli("executions", "show", "run-2", "--on", "aws", "--region", "eu-west-1",
                    "--endpoint-url", sfn.url(), "--state-machine-arn", MACHINE, "--json").out());
            assertThat(fields(local)).isEqualTo(fields(aws));
            assertThat(fields(local.path("execution"))).isEqualTo(fields(aws.path("execution")));
            assertThat(fields(aws.path("mapRuns").get(0))).containsAll(fields(local.path("mapRuns").get(0)));
            assertThat(fields(local.path("failures").get(0))).isEqualTo(fields(aws.path("failures").get(0)));
            assertThat(fields(local.path("events").get(0))).containsAll(List.of("id", "previousEventId", "timestamp", "type"));
        }

        CliRun human = cli("executions", "show", "local-1", "--data-dir", dataDir.toString());
        assertThat(human.out()).contains("status     FAILED", "map runs", "failures", "States.ExceedToleratedFailureThreshold",
                "history (");
    }

    @Test
    void unknownLocalExecutionIsAUserError() {
        CliRun run = cli("executions", "show", "nope", "--data-dir", dir.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("sensor-etl show: no execution 'nope' in " + dir.resolve("executions"));
        CliRun empty = cli("executions", "list", "--data-dir", dir.toString());
        assertThat(empty.out().strip()).isEqualTo("no executions in " + dir.resolve("executions"));
    }

    private static Set<String> fields(JsonNode o) {
        Set<String> out = new TreeSet<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
