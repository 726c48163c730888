package io.sensoretl.asl.engine;

import static io.sensoretl.asl.Engines.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.Engines;
import io.sensoretl.asl.engine.TestStateRequest.InspectionLevel;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.services.MockedResponse;
import io.sensoretl.asl.validation.InvalidDefinitionException;
import org.junit.jupiter.api.Test;

/** TestState: one state, once, with the inspection data the API returns. */
class TestStateTest {
    private final AslEngine engine = new Engines().engine;

    private TestStateResult test(String state, String input, InspectionLevel level, MockedResponse mock, int retries) {
        return engine.testState(new TestStateRequest(Json.parse(q(state)), null, Json.parse(input), level, null, null, mock,
                retries));
    }

    private static final String TASK = """
            {'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','InputPath':'$.order',
             'Parameters':{'FunctionName':'price','Payload':{'id.$':'$.id'}},'ResultSelector':{'total.$':'$.Payload.total'},
             'ResultPath':'$.priced','Retry':[{'ErrorEquals':['Lambda.TooManyRequestsException'],'IntervalSeconds':2,
             'BackoffRate':3,'MaxAttempts':2}],'Catch':[{'ErrorEquals':['States.ALL'],'ResultPath':'$.error','Next':'Handle'}],
             'Next':'Ship'}""";

    @Test
    void debugShowsTheDataAfterEachProcessingStep() {
        TestStateResult r = test(TASK, "{\"order\":{\"id\":7}}", InspectionLevel.DEBUG,
                MockedResponse.returning(Json.parse("{\"StatusCode\":200,\"Payload\":{\"total\":12.5}}")), 0);
        assertThat(r.status()).isEqualTo(TestStateResult.Status.SUCCEEDED);
        assertThat(r.nextState()).isEqualTo("Ship");
        assertThat(r.output()).isEqualTo(Json.parse("{\"order\":{\"id\":7},\"priced\":{\"total\":12.5}}"));
        JsonNode data = r.inspectionData();
        assertThat(data.path("input").asText()).isEqualTo("{\"order\":{\"id\":7}}");
        assertThat(data.path("afterInputPath").asText()).isEqualTo("{\"id\":7}");
        assertThat(data.path("afterParameters").asText()).isEqualTo("{\"FunctionName\":\"price\",\"Payload\":{\"id\":7}}");
        assertThat(data.path("result").asText()).isEqualTo("{\"StatusCode\":200,\"Payload\":{\"total\":12.5}}");
        assertThat(data.path("afterResultSelector").asText()).isEqualTo("{\"total\":12.5}");
        assertThat(data.path("afterResultPath").asText()).isEqualTo(Json.write(r.output()));
    }

    @Test
    void infoShowsOnlyTheOutcome() {
        TestStateResult r = test(TASK, "{\"order\":{\"id\":7}}", InspectionLevel.INFO,
                MockedResponse.returning(Json.parse("{\"Payload\":{\"total\":1}}")), 0);
        assertThat(r.status()).as(r.error() + " " + r.cause()).isEqualTo(TestStateResult.Status.SUCCEEDED);
        assertThat(r.inspectionData()).isNull();
    }

    @Test
    void anErrorARetrierWouldRetryIsRetriableWithTheBackoffItWouldWait() {
        MockedResponse throttled = MockedResponse.throwing("Lambda.TooManyRequestsException", "slow down");
        TestStateResult first = test(TASK, "{\"order\":{\"id\":7}}", InspectionLevel.INFO, throttled, 0);
        assertThat(first.status()).isEqualTo(TestStateResult.Status.RETRIABLE);
        assertThat(first.error()).isEqualTo("Lambda.TooManyRequestsException");
        assertThat(first.inspectionData().at("/errorDetails/retryIndex").asInt()).isZero();
        assertThat(first.inspectionData().at("/errorDetails/retryBackoffIntervalSeconds").asInt()).isEqualTo(2);
        TestStateResult second = test(TASK, "{\"order\":{\"id\":7}}", InspectionLevel.INFO, throttled, 1);
        assertThat(second.inspectionData().at("/errorDetails/retryBackoffIntervalSeconds").asInt()).isEqualTo(6);

        TestStateResult exhausted = test(TASK, "{\"order\":{\"id\":7}}", InspectionLevel.DEBUG, throttled, 2);
        assertThat(exhausted.status()).as("retries used up: the Catch takes it").isEqualTo(TestStateResult.Status.CAUGHT_ERROR);
        assertThat(exhausted.nextState()).isEqualTo("Handle");
        assertThat(exhausted.error()).isEqualTo("Lambda.TooManyRequestsException");
        assertThat(exhausted.output().path("error").path("Cause").asText()).isEqualTo("slow down");
        assertThat(exhausted.inspectionData().at("/errorDetails/catchIndex").asInt()).isZero();
    }

    @Test
    void aFailStateFailsAndAChoiceNamesTheNextState() {
        TestStateResult fail = test("{'Type':'Fail','Error':'Bad','Cause':'why'}", "{}", InspectionLevel.INFO, null, 0);
        assertThat(fail.status()).isEqualTo(TestStateResult.Status.FAILED);
        assertThat(fail.error()).isEqualTo("Bad");
        assertThat(fail.cause()).isEqualTo("why");
        TestStateResult choice = test("{'Type':'Choice','Choices':[{'Variable':'$.n','NumericGreaterThan':5,'Next':'Big'}],"
                + "'Default':'Small'}", "{\"n\":9}", InspectionLevel.INFO, null, 0);
        assertThat(choice.status()).isEqualTo(TestStateResult.Status.SUCCEEDED);
        assertThat(choice.nextState()).isEqualTo("Big");
    }

    @Test
    void aWaitStateDoesNotWaitAndVariablesAndAStateOfAWholeDefinitionCanBeTested() {
        long before = System.nanoTime();
        TestStateResult wait = test("{'Type':'Wait','Seconds':86400,'End':true}", "{\"a\":1}", InspectionLevel.INFO, null, 0);
        assertThat(wait.status()).isEqualTo(TestStateResult.Status.SUCCEEDED);
        assertThat(System.nanoTime() - before).isLessThan(5_000_000_000L);

        TestStateResult r = engine.testState(new TestStateRequest(Json.parse(q("""
                {'QueryLanguage':'JSONata','StartAt':'A','States':{
                  'A':{'Type':'Pass','Next':'B'},
                  'B':{'Type':'Pass','Output':'{% $states.input.x + $base %}','Assign':{'seen':'{% $states.input.x %}'},'End':true}}}""")),
                "B", Json.parse("{\"x\":2}"), InspectionLevel.DEBUG, Json.parse("{\"base\":40}"), null, null, 0));
        assertThat(r.output().asInt()).isEqualTo(42);
        assertThat(Json.parse(r.inspectionData().path("variables").asText()))
                .isEqualTo(Json.parse("{\"base\":40,\"seen\":2}"));
    }

    @Test
    void anInvalidStateIsRefusedWithItsProblems() {
        assertThatThrownBy(() -> test("{'Type':'Pass','Bogus':1,'End':true}", "{}", InspectionLevel.INFO, null, 0))
                .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("Bogus");
        assertThatThrownBy(() -> test("{'Type':'Pass','End':true}", "{}", InspectionLevel.INFO,
                MockedResponse.returning(Json.object()), 0)).hasMessageContaining("State type 'Pass' is not supported");
    }
}
