package io.sensoretl.ledger.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.ledger.Liveness;
import io.sensoretl.testing.AwsJsonStub;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;

/** Whether an execution still runs, asked of a Step Functions endpoint through the SDK (DescribeExecution). */
class StepFunctionsExecutionsTest {
    static final String ARN = "arn:aws:states:eu-west-1:123456789012:execution:stack-sensor-etl:run-1";

    static final class StepFunctionsStub extends AwsJsonStub<StepFunctionsStub> {
        StepFunctionsStub() throws IOException {
            super();
        }

        SfnClient client() {
            return client(SfnClient.builder());
        }
    }

    private final StepFunctionsStub stub = stub();
    private final SfnClient sfn = stub.client();
    private final StepFunctionsExecutions executions = new StepFunctionsExecutions(sfn);

    private static StepFunctionsStub stub() {
        try {
            return new StepFunctionsStub();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void close() {
        sfn.close();
        stub.close();
    }

    private static String described(String status, String stop) {
        return "{\"executionArn\":\"" + ARN + "\",\"stateMachineArn\":\"arn:aws:states:eu-west-1:123456789012:stateMachine:"
                + "stack-sensor-etl\",\"status\":\"" + status + "\",\"startDate\":1.7040672E9"
                + (stop == null ? "" : ",\"stopDate\":" + stop) + "}";
    }

    @Test
    void aRunningExecutionIsRunningAndTheRecordedArnIsWhatIsAsked() {
        stub.answer("DescribeExecution", described("RUNNING", null));

        Liveness l = executions.check(ARN);

        assertThat(l.state()).isEqualTo(Liveness.State.RUNNING);
        assertThat(l.detail()).startsWith("RUNNING since 2024-01-01T00:00:00Z");
        assertThat(stub.calls()).singleElement().satisfies(c -> {
            assertThat(c.operation()).isEqualTo("DescribeExecution");
            assertThat(c.body().path("executionArn").asText()).isEqualTo(ARN);
        });
    }

    @Test
    void anExecutionWaitingForItsRedriveStillHoldsTheRun() {
        stub.answer("DescribeExecution", described("PENDING_REDRIVE", null));
        assertThat(executions.check(ARN).state()).isEqualTo(Liveness.State.RUNNING);
    }

    @Test
    void stoppedFailedTimedOutAndSucceededExecutionsHaveEnded() {
        for (String status : new String[] {"ABORTED", "FAILED", "TIMED_OUT", "SUCCEEDED"}) {
            stub.answer("DescribeExecution", described(status, "1.7040696E9"));
            Liveness l = executions.check(ARN);
            assertThat(l.state()).as(status).isEqualTo(Liveness.State.ENDED);
            assertThat(l.detail()).isEqualTo(status + " at 2024-01-01T00:40:00Z");
        }
    }

    @Test
    void anExecutionStepFunctionsNoLongerKnowsHasEnded() {
        stub.fail("DescribeExecution", "ExecutionDoesNotExist", "Execution Does Not Exist: '" + ARN + "'");
        Liveness l = executions.check(ARN);
        assertThat(l.state()).isEqualTo(Liveness.State.ENDED);
        assertThat(l.detail()).contains(ARN);
    }

    @Test
    void whenStepFunctionsCannotBeAskedNothingIsTakenOver() {
        stub.fail("DescribeExecution", "AccessDeniedException", "not authorized to perform: states:DescribeExecution");
        Liveness denied = executions.check(ARN);
        assertThat(denied.state()).isEqualTo(Liveness.State.UNKNOWN);
        assertThat(denied.detail()).contains("states:DescribeExecution");

        stub.fail("DescribeExecution", 400, "ThrottlingException", "Rate exceeded", 1);
        assertThat(executions.check(ARN).state()).isEqualTo(Liveness.State.UNKNOWN);
    }
}
