package io.sensoretl.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sensoretl.aws.S3Clients;
import io.sensoretl.cli.CliRun;
import io.sensoretl.generate.DumpGenerator;
import io.sensoretl.generate.GeneratorTruth;
import io.sensoretl.local.DataDir;
import io.sensoretl.local.LocalS3;
import io.sensoretl.local.PhaseHooks;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveStatus;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.MapRunListItem;
import software.amazon.awssdk.services.sfn.model.MapRunStatus;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** `serve --sfn-port`: the Step Functions API beside serve's S3, showing the pipeline's state machine and its runs. */
class ServeStepFunctionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PIPELINE = "arn:aws:states:us-east-1:123456789012:stateMachine:sensor-etl";

    @TempDir
    Path dir;

    @Test
    void theApiShowsThePipelinesStateMachineAndEveryRunOfServe() throws Exception {
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        new DumpGenerator(5, 0.02, 5).writeRecords(dump, 2_000);
        try (CliRun.Background serve = serveWithSfn()) {
            JsonNode endpoints = JSON.readTree(serve.awaitLine(Duration.ofSeconds(90)));
            assertThat(endpoints.path("stateMachineArn").asText()).isEqualTo(PIPELINE);
            URI sfnEndpoint = URI.create(endpoints.path("sfnEndpoint").asText());
            assertThat(sfnEndpoint.getHost()).isEqualTo("127.0.0.1");
            try (SfnClient sfn = sfn(sfnEndpoint);
                 S3Client s3 = s3(endpoints)) {
                assertThat(sfn.listStateMachines(b -> { }).stateMachines()).extracting(m -> m.stateMachineArn())
                        .contains(PIPELINE);
                String definition = sfn.describeStateMachine(b -> b.stateMachineArn(PIPELINE)).definition();
                assertThat(definition).contains("DISTRIBUTED").contains("function:sensor-etl-transform")
                        .doesNotContain("FunctionArn}");
                assertThat(sfn.listExecutions(b -> b.stateMachineArn(PIPELINE)).executions()).isEmpty();

                s3.putObject(b -> b.bucket(DataDir.SOURCE_BUCKET).key("incoming/sfn.ndjson"),
                        RequestBody.fromBytes(dump.toByteArray()));
                JsonNode run = JSON.readTree(serve.awaitLine(Duration.ofMinutes(5)));
                assertThat(run.path("outcome").asText()).isEqualTo("PROCESSED");

                List<ExecutionListItem> executions = sfn.listExecutions(b -> b.stateMachineArn(PIPELINE)).executions();
                assertThat(executions).hasSize(1);
                String exec = executions.get(0).executionArn();
                assertThat(executions.get(0).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
                var described = sfn.describeExecution(b -> b.executionArn(exec));
                assertThat(described.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
                assertThat(described.input()).contains("incoming/sfn.ndjson");
                assertThat(described.redriveStatus()).isEqualTo(ExecutionRedriveStatus.NOT_REDRIVABLE);
                assertThat(described.redriveStatusReason()).contains("dlq redrive");
                assertThat(sfn.getExecutionHistory(b -> b.executionArn(exec)).events().get(0).type())
                        .isEqualTo(HistoryEventType.EXECUTION_STARTED);
                assertThat(sfn.describeStateMachineForExecution(b -> b.executionArn(exec)).definition())
                        .isEqualTo(definition);

                List<MapRunListItem> mapRuns = sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns();
                assertThat(mapRuns).isNotEmpty();
                DescribeMapRunResponse mapRun = sfn.describeMapRun(b -> b.mapRunArn(mapRuns.get(0).mapRunArn()));
                assertThat(mapRun.status()).isEqualTo(MapRunStatus.SUCCEEDED);
                assertThat(mapRun.itemCounts().total()).isPositive();
                assertThat(sfn.listExecutions(b -> b.mapRunArn(mapRuns.get(0).mapRunArn())).executions())
                        .hasSize(mapRun.itemCounts().total().intValue());

                assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(PIPELINE).input("{}")))
                        .isInstanceOf(InvalidExecutionInputException.class).hasMessageContaining("Object Created");
                assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(exec)))
                        .isInstanceOf(ValidationException.class).hasMessageContaining("dlq redrive");
                assertThatThrownBy(() -> sfn.deleteStateMachine(b -> b.stateMachineArn(PIPELINE)))
                        .isInstanceOf(ValidationException.class);

                HttpResponse<String> console = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(endpoints.path("console").asText())).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(console.statusCode()).isEqualTo(200);
                assertThat(console.body()).contains("sensor-etl").contains(exec.substring(exec.lastIndexOf(':') + 1));
            }
            CliRun stopped = serve.stop();
            assertThat(stopped.exit()).as(stopped.err()).isZero();
        }
    }

    /** serve with the Step Functions API on a free port, polling uploads often, on the test's data dir. */
    private CliRun.Background serveWithSfn() {
        return CliRun.background("serve", "--json", "--sfn-port", "0", "--poll-interval", "0.05",
                "--data-dir", dir.resolve("data").toString());
    }

    /** A client of serve's local S3, from the endpoints serve printed. */
    private static S3Client s3(JsonNode endpoints) {
        return S3Clients.forEndpoint(URI.create(endpoints.path("s3Endpoint").asText()), LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY);
    }

    private static SfnClient sfn(URI endpoint) {
        return SfnClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void startExecutionWithAnUploadsObjectCreatedEventRunsThePipeline() throws Exception {
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        GeneratorTruth truth = new DumpGenerator(8, 0.02, 5).writeRecords(dump, 1_500);
        try (CliRun.Background serve = serveWithSfn()) {
            JsonNode endpoints = JSON.readTree(serve.awaitLine(Duration.ofSeconds(90)));
            try (SfnClient sfn = sfn(URI.create(endpoints.path("sfnEndpoint").asText()));
                 S3Client s3 = s3(endpoints)) {
                // outside incoming/: serve's watcher does not start it, StartExecution does
                String etag = s3.putObject(b -> b.bucket(DataDir.SOURCE_BUCKET).key("manual/api.ndjson"),
                        RequestBody.fromBytes(dump.toByteArray())).eTag().replace("\"", "");
                String event = """
                        {"version":"0","detail-type":"Object Created","source":"aws.s3","detail":{
                          "bucket":{"name":"%s"},"object":{"key":"manual/api.ndjson","size":%d,"etag":"%s"}},
                         "options":{"chunkBytes":65536}}""".formatted(DataDir.SOURCE_BUCKET, dump.size(), etag);

                var started = sfn.startExecution(b -> b.stateMachineArn(PIPELINE).name("from-the-api").input(event));
                assertThat(started.executionArn()).isEqualTo(PIPELINE.replace(":stateMachine:", ":execution:") + ":from-the-api");
                // recorded when StartExecution answers, as on AWS
                assertThat(sfn.describeExecution(b -> b.executionArn(started.executionArn())).status()).isNotNull();

                JsonNode report = JSON.readTree(serve.awaitLine(Duration.ofMinutes(5)));
                assertThat(report.path("executionId").asText()).isEqualTo(started.executionArn());
                assertThat(report.path("outcome").asText()).isEqualTo("PROCESSED");
                assertThat(report.path("valid").asLong()).isEqualTo(truth.valid());
                assertThat(report.path("chunks").asInt()).as("options.chunkBytes was used").isGreaterThan(1);
                var described = sfn.describeExecution(b -> b.executionArn(started.executionArn()));
                assertThat(described.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
                assertThat(described.input()).contains("manual/api.ndjson");
                assertThat(sfn.listExecutions(b -> b.stateMachineArn(PIPELINE)).executions())
                        .extracting(ExecutionListItem::executionArn).containsExactly(started.executionArn());

                assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(PIPELINE).name("from-the-api").input(event)))
                        .isInstanceOf(ExecutionAlreadyExistsException.class);
                assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(PIPELINE)
                        .input(event.replace("manual/api.ndjson", "manual/missing.ndjson"))))
                        .isInstanceOf(InvalidExecutionInputException.class).hasMessageContaining("manual/missing.ndjson")
                        .hasMessageContaining("does not exist");
                assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(PIPELINE).input(event.replace(etag, "0123"))))
                        .isInstanceOf(InvalidExecutionInputException.class).hasMessageContaining("0123").hasMessageContaining(etag);
                assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(PIPELINE)
                        .input(event.replace("\"chunkBytes\"", "\"chunk\""))))
                        .isInstanceOf(InvalidExecutionInputException.class).hasMessageContaining("options.chunk ");
                assertThat(sfn.listExecutions(b -> b.stateMachineArn(PIPELINE)).executions()).as("refused starts run nothing")
                        .hasSize(1);
            }
            CliRun stopped = serve.stop();
            assertThat(stopped.exit()).as(stopped.err()).isZero();
        }
    }

    @Test
    void stateMachinesOfTheApiUseServesS3InSdkTasks() throws Exception {
        try (CliRun.Background serve = serveWithSfn()) {
            JsonNode endpoints = JSON.readTree(serve.awaitLine(Duration.ofSeconds(90)));
            try (SfnClient sfn = sfn(URI.create(endpoints.path("sfnEndpoint").asText()));
                 S3Client s3 = s3(endpoints)) {
                s3.createBucket(b -> b.bucket("notes"));
                String arn = sfn.createStateMachine(b -> b.name("notes").roleArn(ServeStepFunctions.ROLE).definition("""
                        {"StartAt":"Put","States":{
                          "Put":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:s3:putObject",
                            "Parameters":{"Bucket":"notes","Key.$":"$.key","Body.$":"$.text"},"ResultPath":"$.put","Next":"List"},
                          "List":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:s3:listObjectsV2",
                            "Parameters":{"Bucket":"notes"},"ResultSelector":{"keys.$":"$.Contents[*].Key"},"ResultPath":"$.list",
                            "Next":"Missing"},
                          "Missing":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:s3:getObject",
                            "Parameters":{"Bucket":"notes","Key":"missing.txt"},
                            "Catch":[{"ErrorEquals":["S3.NoSuchKeyException"],"ResultPath":"$.missing","Next":"Done"}],"End":true},
                          "Done":{"Type":"Pass","End":true}}}""")).stateMachineArn();
                String exec = sfn.startExecution(b -> b.stateMachineArn(arn).input("{\"key\":\"a.txt\",\"text\":\"hello\"}"))
                        .executionArn();
                var done = io.sensoretl.stepfunctions.LocalStepFunctions.awaitEnd(sfn, exec);
                assertThat(done.status()).as(done.toString()).isEqualTo(ExecutionStatus.SUCCEEDED);
                JsonNode out = JSON.readTree(done.output());
                assertThat(out.at("/list/keys").toString()).isEqualTo("[\"a.txt\"]");
                assertThat(out.at("/missing/Error").asText()).isEqualTo("S3.NoSuchKeyException");
                assertThat(s3.getObjectAsBytes(b -> b.bucket("notes").key("a.txt")).asUtf8String()).isEqualTo("hello");
            }
            CliRun stopped = serve.stop();
            assertThat(stopped.exit()).as(stopped.err()).isZero();
        }
    }

    @Test
    void stopExecutionStopsARunOfServe() throws Exception {
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        new DumpGenerator(6, 0.02, 5).writeRecords(dump, 1_000);
        try (CliRun.Background serve = serveWithSfn()) {
            JsonNode endpoints = JSON.readTree(serve.awaitLine(Duration.ofSeconds(90)));
            try (SfnClient sfn = sfn(URI.create(endpoints.path("sfnEndpoint").asText()));
                 S3Client s3 = s3(endpoints)) {
                String exec;
                // the run waits after its ledger claim until it is stopped (PhaseHooks, read when the run starts)
                System.setProperty(PhaseHooks.PROPERTY, PhaseHooks.Phase.AFTER_LEDGER_CLAIM.label() + ":pause");
                try {
                    s3.putObject(b -> b.bucket(DataDir.SOURCE_BUCKET).key("incoming/stop.ndjson"),
                            RequestBody.fromBytes(dump.toByteArray()));
                    exec = awaitRunning(sfn);
                } finally {
                    System.clearProperty(PhaseHooks.PROPERTY);
                }
                assertThat(sfn.stopExecution(b -> b.executionArn(exec).error("Operator.Stop").cause("enough"))
                        .stopDate()).isNotNull();
                var described = sfn.describeExecution(b -> b.executionArn(exec));
                assertThat(described.status()).isEqualTo(ExecutionStatus.ABORTED);
                assertThat(described.error()).isEqualTo("Operator.Stop");
                assertThat(described.cause()).isEqualTo("enough");
                JSON.readTree(serve.awaitLine(Duration.ofMinutes(2)));
                assertThat(sfn.getExecutionHistory(b -> b.executionArn(exec).reverseOrder(true)).events().get(0).type())
                        .isEqualTo(HistoryEventType.EXECUTION_ABORTED);
            }
            CliRun stopped = serve.stop();
            assertThat(stopped.exit()).as(stopped.err()).isZero();
        }
    }

    private static String awaitRunning(SfnClient sfn) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < until) {
            List<ExecutionListItem> running = sfn.listExecutions(b -> b.stateMachineArn(PIPELINE)
                    .statusFilter(ExecutionStatus.RUNNING)).executions();
            if (!running.isEmpty()) {
                return running.get(0).executionArn();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no execution of the pipeline started");
    }
}
