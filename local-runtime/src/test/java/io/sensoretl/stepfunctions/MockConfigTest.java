package io.sensoretl.stepfunctions;

import static io.sensoretl.stepfunctions.LocalStepFunctions.awaitEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.asl.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.SfnException;

/**
 * A suite written for Step Functions Local: a MockConfigFile with several test cases, selected by the
 * {@code #TestCase} suffix of the state machine ARN, run unchanged against the local service.
 */
public class MockConfigTest {
    public static final String DEFINITION = """
            {"StartAt":"GetOrder","States":{
              "GetOrder":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                "Parameters":{"FunctionName":"get-order","Payload.$":"$"},"OutputPath":"$.Payload",
                "Retry":[{"ErrorEquals":["Lambda.TooManyRequestsException"],"IntervalSeconds":1,"BackoffRate":1,"MaxAttempts":3}],
                "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"Handled"}],"Next":"Save"},
              "Save":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem",
                "Parameters":{"TableName":"orders","Item":{"id":{"S.$":"$.id"}}},"ResultPath":null,"End":true},
              "Handled":{"Type":"Pass","End":true}}}""";

    public static final String MOCKS = """
            {"StateMachines":{"orders":{"TestCases":{
               "HappyPath":{"GetOrder":"OrderFound","Save":"Saved"},
               "CaughtError":{"GetOrder":"LambdaBroken"},
               "RetryThenSucceed":{"GetOrder":"Throttled3Times","Save":"Saved"}}}},
             "MockedResponses":{
               "OrderFound":{"0":{"Return":{"StatusCode":200,"Payload":{"id":"o-1"}}}},
               "Saved":{"0":{"Return":{}}},
               "LambdaBroken":{"0":{"Throw":{"Error":"Lambda.ServiceException","Cause":"boom"}}},
               "Throttled3Times":{
                 "0":{"Throw":{"Error":"Lambda.TooManyRequestsException","Cause":"slow down"}},
                 "1-2":{"Throw":{"Error":"Lambda.TooManyRequestsException","Cause":"still slow"}},
                 "3":{"Return":{"StatusCode":200,"Payload":{"id":"o-3"}}}}}}""";

    @TempDir
    Path dir;

    private MockConfig mocks() throws Exception {
        Path file = dir.resolve("MockConfigFile.json");
        Files.writeString(file, MOCKS);
        return MockConfig.read(file);
    }

    private static DescribeExecutionResponse run(SfnClient sfn, String arn, String name) throws Exception {
        return awaitEnd(sfn, sfn.startExecution(b -> b.stateMachineArn(arn).name(name).input("{\"orderId\":\"o\"}"))
                .executionArn());
    }

    private static List<HistoryEventType> types(SfnClient sfn, DescribeExecutionResponse d) {
        return sfn.getExecutionHistory(b -> b.executionArn(d.executionArn())).events().stream().map(HistoryEvent::type).toList();
    }

    @Test
    void testCasesSelectedByTheArnSuffixMockSuccessCaughtErrorsAndRetries() throws Exception {
        try (LocalStepFunctions local = new LocalStepFunctions(dir.resolve("data"), mocks()); SfnClient sfn = local.client()) {
            String arn = sfn.createStateMachine(b -> b.name("orders").definition(DEFINITION)
                    .roleArn("arn:aws:iam::123456789012:role/r")).stateMachineArn();

            DescribeExecutionResponse happy = run(sfn, arn + "#HappyPath", "happy");
            assertThat(happy.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(happy.executionArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:execution:orders:happy");
            assertThat(Json.parse(happy.output())).isEqualTo(Json.parse("{\"id\":\"o-1\"}"));
            assertThat(types(sfn, happy)).containsSubsequence(HistoryEventType.TASK_SCHEDULED,
                    HistoryEventType.TASK_SUCCEEDED, HistoryEventType.TASK_SCHEDULED, HistoryEventType.TASK_SUCCEEDED);

            DescribeExecutionResponse caught = run(sfn, arn + "#CaughtError", "caught");
            assertThat(caught.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(Json.parse(caught.output()).path("error"))
                    .isEqualTo(Json.parse("{\"Error\":\"Lambda.ServiceException\",\"Cause\":\"boom\"}"));

            DescribeExecutionResponse retried = run(sfn, arn + "#RetryThenSucceed", "retried");
            assertThat(retried.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(Json.parse(retried.output())).isEqualTo(Json.parse("{\"id\":\"o-3\"}"));
            List<HistoryEventType> events = types(sfn, retried);
            assertThat(events.stream().filter(HistoryEventType.TASK_FAILED::equals).count()).isEqualTo(3);

            // without a test case nothing is mocked: the Lambda function is really invoked (and is not bound here)
            DescribeExecutionResponse unmocked = run(sfn, arn, "unmocked");
            assertThat(Json.parse(unmocked.output()).path("error").path("Error").asText())
                    .isEqualTo("Lambda.ResourceNotFoundException");

            assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(arn + "#NoSuchCase")))
                    .isInstanceOf(SfnException.class).hasMessageContaining("NoSuchCase").hasMessageContaining("HappyPath");
        }
    }

    @Test
    void aMockConfigWithAMistakeIsRefusedNamingTheField() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, """
                {"StateMachines":{"m":{"TestCases":{"T":{"S":"Missing"}}}},"MockedResponses":{"R":{"0":{"Return":1}}}}""");
        assertThatThrownBy(() -> MockConfig.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("StateMachines.m.TestCases.T.S").hasMessageContaining("'Missing'");
        Files.writeString(file, """
                {"MockedResponses":{"R":{"one":{"Return":1}}}}""");
        assertThatThrownBy(() -> MockConfig.read(file)).hasMessageContaining("MockedResponses.R").hasMessageContaining("'one'");
    }
}
