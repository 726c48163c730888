package io.sensoretl.asl.task;

import static io.sensoretl.asl.Engines.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.asl.Engines;
import io.sensoretl.asl.engine.AslEngine;
import io.sensoretl.asl.engine.ExecutionRequest;
import io.sensoretl.asl.engine.ExecutionResult;
import io.sensoretl.asl.engine.ExecutionStatus;
import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.history.HistoryEvent;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.services.MockedResponse;
import io.sensoretl.asl.services.TaskMocks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mocked Task states: no resource is called, the response follows the invocation count, events look as usual. */
class TaskMocksTest {
    private final Engines engines = new Engines();

    /** Responses by state, one per invocation (a test case of a MockConfigFile, already expanded). */
    private static TaskMocks mocks(Map<String, List<MockedResponse>> byState) {
        return new TaskMocks() {
            @Override
            public boolean mocks(String stateName) {
                return byState.containsKey(stateName);
            }

            @Override
            public MockedResponse response(String stateName, int invocation) {
                List<MockedResponse> responses = byState.get(stateName);
                if (invocation >= responses.size()) {
                    throw new FailureException(StatesErrorName.RUNTIME, "no response for invocation " + invocation);
                }
                return responses.get(invocation);
            }
        };
    }

    private ExecutionResult run(String definition, TaskMocks mocks) {
        return engines.engine.execute(AslEngine.load(Json.parse(q(definition))),
                new ExecutionRequest(Json.object(), "m", "machine", "eu-west-1", "111122223333", null, null).withMocks(mocks));
    }

    private static final String RETRYING = """
            {'StartAt':'Call','States':{'Call':{'Type':'Task','Resource':'arn:aws:states:::dynamodb:putItem',
              'Parameters':{'TableName':'t'},'ResultSelector':{'id.$':'$.Attributes.id'},
              'Retry':[{'ErrorEquals':['DynamoDB.ProvisionedThroughputExceededException'],'IntervalSeconds':1,'MaxAttempts':3}],
              'Catch':[{'ErrorEquals':['States.ALL'],'Next':'Caught'}],'End':true},
              'Caught':{'Type':'Pass','End':true}}}""";

    @Test
    void aMockedTaskReturnsItsResponsesByInvocationRetriesIncluded() {
        MockedResponse throttled = MockedResponse.throwing("DynamoDB.ProvisionedThroughputExceededException", "slow down");
        ExecutionResult r = run(RETRYING, mocks(Map.of("Call", List.of(throttled, throttled, throttled,
                MockedResponse.returning(Json.parse("{\"Attributes\":{\"id\":\"x1\"}}"))))));
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output()).isEqualTo(Json.parse("{\"id\":\"x1\"}"));
        assertThat(r.history()).filteredOn(e -> e.type().equals("TaskFailed")).hasSize(3);
        assertThat(r.history()).extracting(HistoryEvent::type).containsSubsequence("TaskScheduled", "TaskStarted",
                "TaskSucceeded");
    }

    @Test
    void aMockedErrorTheRetriesDoNotAbsorbIsCaught() {
        ExecutionResult r = run(RETRYING, mocks(Map.of("Call", List.of(
                MockedResponse.throwing("DynamoDB.ConditionalCheckFailedException", "exists")))));
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output()).isEqualTo(Json.parse(
                "{\"Error\":\"DynamoDB.ConditionalCheckFailedException\",\"Cause\":\"exists\"}"));
    }

    @Test
    void anInvocationWithoutAResponseFailsTheExecution() {
        MockedResponse throttled = MockedResponse.throwing("DynamoDB.ProvisionedThroughputExceededException", "slow down");
        ExecutionResult r = run(RETRYING.replace("'Catch':[{'ErrorEquals':['States.ALL'],'Next':'Caught'}],", "")
                        .replace(",\n  'Caught':{'Type':'Pass','End':true}", ""),
                mocks(Map.of("Call", List.of(throttled))));
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).contains("invocation 1");
    }

    @Test
    void unmockedStatesRunTheirResourceAsUsual() {
        engines.engine.lambdas().register("real",
                (com.amazonaws.services.lambda.runtime.RequestHandler<Object, Object>) (in, ctx) -> "from the function");
        ExecutionResult r = run("""
                {'StartAt':'Mocked','States':{
                  'Mocked':{'Type':'Task','Resource':'arn:aws:states:::sns:publish','Parameters':{'Message':'m'},
                            'ResultPath':'$.sns','Next':'Real'},
                  'Real':{'Type':'Task','Resource':'arn:aws:lambda:eu-west-1:111122223333:function:real','ResultPath':'$.real',
                          'End':true}}}""", mocks(Map.of("Mocked", List.of(MockedResponse.returning(Json.parse("{\"MessageId\":\"m-1\"}"))))));
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output()).isEqualTo(Json.parse("{\"sns\":{\"MessageId\":\"m-1\"},\"real\":\"from the function\"}"));
    }
}
