package io.sensoretl.deploy.stepfunctionslocal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.deploy.Repo;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * AWS's Step Functions Local (Docker image {@code amazon/aws-stepfunctions-local}) running the part of
 * the production definition it supports, with mocked Lambda and SQS responses: one chunk's transform
 * with the production Retry policy and its Catch to the dead-letter queue.
 *
 * <p>Step Functions Local cannot run the production definition itself (JSONata, variables, Distributed
 * Map with ItemReader/ResultWriter, jitter; see docs/deploy.md), so this test takes the chunk task's
 * Retry and Catch error lists from {@code statemachine/sensor-etl.asl.json} and runs them in the JSONPath
 * shape Step Functions Local understands. Skipped where Docker is absent; the local ASL engine is what
 * runs the whole definition in every other test.
 */
@Testcontainers(disabledWithoutDocker = true)
class StepFunctionsLocalTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MACHINE = "ChunkWithRetryAndDeadLetter";
    private static final String CHUNK_STATE = "Transform chunk";
    private static final String DLQ_STATE = "Send chunk to dead-letter queue";

    private static final String MOCK_CONFIG = """
            {"StateMachines": {"%s": {"TestCases": {
               "TransientThenSuccess": {"%s": "TransformThrottledTwiceThenSucceeds"},
               "PermanentFailure": {"%s": "TransformFailsForGood", "%s": "DeadLetterSent"}}}},
             "MockedResponses": {
               "TransformThrottledTwiceThenSucceeds": {
                 "0-1": {"Throw": {"Error": "Lambda.TooManyRequestsException", "Cause": "Rate exceeded"}},
                 "2": {"Return": {"StatusCode": 200, "Payload": {"chunk": 7, "records": 1000, "valid": 990, "rejected": 10}}}},
               "TransformFailsForGood": {
                 "0": {"Throw": {"Error": "SensorEtl.BadInput", "Cause": "field 'ts' is missing"}}},
               "DeadLetterSent": {
                 "0": {"Return": {"MD5OfMessageBody": "d41d8cd98f00b204e9800998ecf8427e", "MessageId": "7b0f3c4e-1111-2222-3333-444455556666"}}}}}
            """.formatted(MACHINE, CHUNK_STATE, CHUNK_STATE, DLQ_STATE);

    @Container
    static final GenericContainer<?> STEP_FUNCTIONS_LOCAL = new GenericContainer<>(DockerImageName.parse("amazon/aws-stepfunctions-local"))
            .withExposedPorts(8083)
            .withEnv("SFN_MOCK_CONFIG", "/home/StepFunctionsLocal/MockConfigFile.json")
            .withCopyToContainer(Transferable.of(MOCK_CONFIG), "/home/StepFunctionsLocal/MockConfigFile.json")
            .waitingFor(Wait.forListeningPort())
            .withStartupTimeout(Duration.ofMinutes(3));

    private static SfnClient sfn;
    private static String machineArn;

    @BeforeAll
    static void createStateMachine() throws Exception {
        sfn = SfnClient.builder()
                .endpointOverride(URI.create("http://" + STEP_FUNCTIONS_LOCAL.getHost() + ":" + STEP_FUNCTIONS_LOCAL.getMappedPort(8083)))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        String definition = chunkDefinition(JSON.readTree(Repo.read(Repo.DEFINITION_URI))).toString();
        machineArn = sfn.createStateMachine(b -> b.name(MACHINE)
                .roleArn("arn:aws:iam::123456789012:role/DummyRole")
                .definition(definition)).stateMachineArn();
    }

    /** The chunk task of the production definition with its Retry and Catch error lists, as JSONPath. */
    static ObjectNode chunkDefinition(JsonNode production) {
        JsonNode chunk = production.path("States").path("Transform chunks").path("ItemProcessor").path("States").path(CHUNK_STATE);
        assertThat(chunk.isObject()).as("production definition has the state '" + CHUNK_STATE + "'").isTrue();
        ArrayNode retry = JSON.createArrayNode();
        for (JsonNode r : chunk.path("Retry")) {
            ObjectNode supported = JSON.createObjectNode();
            for (String field : List.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate")) {
                if (r.has(field)) {
                    supported.set(field, r.get(field)); // JitterStrategy and MaxDelaySeconds: not in Step Functions Local
                }
            }
            retry.add(supported);
        }
        ObjectNode catcher = JSON.createObjectNode();
        catcher.set("ErrorEquals", chunk.path("Catch").path(0).path("ErrorEquals"));
        catcher.put("ResultPath", "$.error");
        catcher.put("Next", DLQ_STATE);

        ObjectNode definition = JSON.createObjectNode();
        definition.put("StartAt", CHUNK_STATE);
        ObjectNode states = definition.putObject("States");
        ObjectNode task = states.putObject(CHUNK_STATE);
        task.put("Type", "Task");
        task.put("Resource", "arn:aws:states:::lambda:invoke");
        task.putObject("Parameters").put("FunctionName", "arn:aws:lambda:us-east-1:123456789012:function:transform:live")
                .put("Payload.$", "$");
        task.put("OutputPath", "$.Payload");
        task.set("Retry", retry);
        task.putArray("Catch").add(catcher);
        task.put("End", true);
        ObjectNode dlq = states.putObject(DLQ_STATE);
        dlq.put("Type", "Task");
        dlq.put("Resource", "arn:aws:states:::sqs:sendMessage");
        dlq.putObject("Parameters").put("QueueUrl", "https://sqs.us-east-1.amazonaws.com/123456789012/sensor-etl-dlq")
                .put("MessageBody.$", "$");
        dlq.put("End", true);
        return definition;
    }

    private static List<HistoryEvent> run(String testCase) throws InterruptedException {
        String executionArn = sfn.startExecution(b -> b.stateMachineArn(machineArn + "#" + testCase)
                .input("{\"chunk\":{\"index\":7,\"bucket\":\"src\",\"key\":\"incoming/a.ndjson\"}}")).executionArn();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        DescribeExecutionResponse d;
        do {
            Thread.sleep(250);
            d = sfn.describeExecution(b -> b.executionArn(executionArn));
        } while (d.status() == ExecutionStatus.RUNNING && System.nanoTime() < deadline);
        assertThat(d.status()).as(testCase + " " + d.error() + " " + d.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        return new ArrayList<>(sfn.getExecutionHistory(b -> b.executionArn(executionArn)).events());
    }

    @Test
    void throttledTransformIsRetriedUntilItSucceeds() throws Exception {
        List<HistoryEvent> events = run("TransientThenSuccess");
        assertThat(events).filteredOn(e -> e.type() == HistoryEventType.TASK_FAILED).hasSize(2);
        assertThat(events).filteredOn(e -> e.type() == HistoryEventType.TASK_SUCCEEDED).hasSize(1);
        assertThat(events).noneMatch(e -> e.type() == HistoryEventType.TASK_STATE_ENTERED
                && e.stateEnteredEventDetails().name().equals(DLQ_STATE));
    }

    @Test
    void permanentFailureSendsTheChunkToTheDeadLetterQueue() throws Exception {
        List<HistoryEvent> events = run("PermanentFailure");
        assertThat(events).filteredOn(e -> e.type() == HistoryEventType.TASK_FAILED).hasSize(1);
        assertThat(events).anyMatch(e -> e.type() == HistoryEventType.TASK_STATE_ENTERED
                && e.stateEnteredEventDetails().name().equals(DLQ_STATE));
    }
}
