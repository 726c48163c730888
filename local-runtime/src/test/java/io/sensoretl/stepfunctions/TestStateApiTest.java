package io.sensoretl.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.sensoretl.asl.json.Json;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InspectionData;
import software.amazon.awssdk.services.sfn.model.InspectionLevel;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** TestState through the SDK against `states serve`: one state, once, with the inspection data AWS returns. */
class TestStateApiTest {
    static final String ROLE = StepFunctionsApiTest.ROLE;
    static final String TASK = """
            {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","InputPath":"$.order",
             "Parameters":{"FunctionName":"price","Payload":{"id.$":"$.id"}},"ResultSelector":{"total.$":"$.Payload.total"},
             "ResultPath":"$.priced","Retry":[{"ErrorEquals":["Lambda.TooManyRequestsException"],"IntervalSeconds":2,
             "BackoffRate":3,"MaxAttempts":2}],"Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"Handle"}],
             "Next":"Ship"}""";
    static final String ORDER = "{\"order\":{\"id\":7}}";

    @TempDir
    Path dir;
    LocalStepFunctions local;
    SfnClient sfn;

    @BeforeEach
    void start() throws Exception {
        local = new LocalStepFunctions(dir, null);
        local.lambdas.put("price", (RequestHandler<Map<String, Object>, Object>) (in, ctx) ->
                Map.of("total", 10 * ((Number) in.get("id")).intValue()));
        sfn = local.client();
    }

    @AfterEach
    void stop() {
        sfn.close();
        local.close();
    }

    @Test
    void debugShowsTheDataAfterEachProcessingStepOfAMockedTask() {
        TestStateResponse r = sfn.testState(b -> b.definition(TASK).roleArn(ROLE).input(ORDER)
                .inspectionLevel(InspectionLevel.DEBUG).mock(m -> m.result("{\"StatusCode\":200,\"Payload\":{\"total\":12.5}}")));
        assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
        assertThat(r.nextState()).isEqualTo("Ship");
        assertThat(Json.parse(r.output())).isEqualTo(Json.parse("{\"order\":{\"id\":7},\"priced\":{\"total\":12.5}}"));
        assertThat(r.error()).isNull();
        InspectionData data = r.inspectionData();
        assertThat(Json.parse(data.input())).isEqualTo(Json.parse(ORDER));
        assertThat(Json.parse(data.afterInputPath())).isEqualTo(Json.parse("{\"id\":7}"));
        assertThat(Json.parse(data.afterParameters()))
                .isEqualTo(Json.parse("{\"FunctionName\":\"price\",\"Payload\":{\"id\":7}}"));
        assertThat(Json.parse(data.result())).isEqualTo(Json.parse("{\"StatusCode\":200,\"Payload\":{\"total\":12.5}}"));
        assertThat(Json.parse(data.afterResultSelector())).isEqualTo(Json.parse("{\"total\":12.5}"));
        assertThat(Json.parse(data.afterResultPath())).isEqualTo(Json.parse(r.output()));
    }

    @Test
    void infoShowsTheOutcomeOfATaskThatCallsItsBoundLambda() {
        TestStateResponse r = sfn.testState(b -> b.definition(TASK).roleArn(ROLE).input(ORDER));
        assertThat(r.status()).as(r.error() + " " + r.cause()).isEqualTo(TestExecutionStatus.SUCCEEDED);
        assertThat(Json.parse(r.output()).at("/priced/total").asInt()).isEqualTo(70);
        assertThat(r.inspectionData()).isNull();
    }

    @Test
    void anErrorIsRetriableWhileItsRetrierHasAttemptsThenCaught() {
        TestStateResponse retriable = sfn.testState(b -> b.definition(TASK).input(ORDER)
                .mock(m -> m.errorOutput(e -> e.error("Lambda.TooManyRequestsException").cause("slow down")))
                .stateConfiguration(c -> c.retrierRetryCount(1)));
        assertThat(retriable.status()).isEqualTo(TestExecutionStatus.RETRIABLE);
        assertThat(retriable.error()).isEqualTo("Lambda.TooManyRequestsException");
        assertThat(retriable.cause()).isEqualTo("slow down");
        assertThat(retriable.inspectionData().errorDetails().retryIndex()).isZero();
        assertThat(retriable.inspectionData().errorDetails().retryBackoffIntervalSeconds()).isEqualTo(6);

        TestStateResponse caught = sfn.testState(b -> b.definition(TASK).input(ORDER)
                .mock(m -> m.errorOutput(e -> e.error("Lambda.TooManyRequestsException").cause("slow down")))
                .stateConfiguration(c -> c.retrierRetryCount(2)));
        assertThat(caught.status()).isEqualTo(TestExecutionStatus.CAUGHT_ERROR);
        assertThat(caught.nextState()).isEqualTo("Handle");
        assertThat(caught.inspectionData().errorDetails().catchIndex()).isZero();
        assertThat(Json.parse(caught.output()).at("/error/Cause").asText()).isEqualTo("slow down");
    }

    @Test
    void aFailStateFailsAndAStateOfAWholeDefinitionSeesTheVariablesGiven() {
        TestStateResponse fail = sfn.testState(b -> b.definition("{\"Type\":\"Fail\",\"Error\":\"Bad\",\"Cause\":\"why\"}"));
        assertThat(fail.status()).isEqualTo(TestExecutionStatus.FAILED);
        assertThat(fail.error()).isEqualTo("Bad");
        assertThat(fail.cause()).isEqualTo("why");
        assertThat(fail.output()).isNull();

        TestStateResponse r = sfn.testState(b -> b.definition("""
                {"QueryLanguage":"JSONata","StartAt":"A","States":{
                  "A":{"Type":"Pass","Next":"B"},
                  "B":{"Type":"Pass","Output":"{% $states.input.x + $base %}","Assign":{"seen":"{% $states.input.x %}"},
                       "End":true}}}""").stateName("B").input("{\"x\":2}").variables("{\"base\":40}")
                .inspectionLevel(InspectionLevel.TRACE));
        assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
        assertThat(r.output()).isEqualTo("42");
        assertThat(r.nextState()).isNull();
        assertThat(Json.parse(r.inspectionData().variables())).isEqualTo(Json.parse("{\"base\":40,\"seen\":2}"));
    }

    @Test
    void aBadRequestIsRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> sfn.testState(b -> b.definition("{\"Type\":\"Pass\",\"Bogus\":1,\"End\":true}")))
                .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("Bogus");
        assertThatThrownBy(() -> sfn.testState(b -> b.definition("{\"Type\":")))
                .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("INVALID_JSON_DESCRIPTION");
        assertThatThrownBy(() -> sfn.testState(b -> b.definition("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}")
                .stateName("Z"))).isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("'Z'");
        assertThatThrownBy(() -> sfn.testState(b -> b.definition(TASK).input("{not json")))
                .isInstanceOf(InvalidExecutionInputException.class);
        assertThatThrownBy(() -> sfn.testState(b -> b.definition(TASK).inspectionLevel("LOUD")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("inspectionLevel");
        assertThatThrownBy(() -> sfn.testState(b -> b.definition("{\"Type\":\"Pass\",\"End\":true}")
                .mock(m -> m.result("{}")))).isInstanceOf(ValidationException.class).hasMessageContaining("Pass");
        assertThatThrownBy(() -> sfn.testState(b -> b.definition(TASK).mock(m -> m.result("{}"))
                .stateConfiguration(c -> c.errorCausedByState("X"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("stateConfiguration.errorCausedByState");
        assertThatThrownBy(() -> sfn.testState(b -> b.definition(TASK).variables("[1]")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'variables' must be a JSON object");
    }
}
