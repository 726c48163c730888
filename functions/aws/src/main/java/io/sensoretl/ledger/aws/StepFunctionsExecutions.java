package io.sensoretl.ledger.aws;

import io.sensoretl.ledger.ExecutionLiveness;
import io.sensoretl.ledger.Liveness;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Whether an execution still runs, as Step Functions says ({@code DescribeExecution}; the function needs
 * {@code states:DescribeExecution} on the state machine's executions). RUNNING (and PENDING_REDRIVE, which
 * resumes) keeps what the execution holds; SUCCEEDED, FAILED, TIMED_OUT and ABORTED end it, as does an
 * execution Step Functions no longer knows (its history is kept 90 days). Any other error (throttled after
 * the SDK's retries, access denied) is UNKNOWN: treated as running, so a doubt never runs an upload twice.
 */
public final class StepFunctionsExecutions implements ExecutionLiveness {
    private final SfnClient sfn;

    public StepFunctionsExecutions(SfnClient sfn) {
        this.sfn = sfn;
    }

    @Override
    public Liveness check(String executionArn) {
        DescribeExecutionResponse d;
        try {
            d = sfn.describeExecution(b -> b.executionArn(executionArn));
        } catch (ExecutionDoesNotExistException e) {
            return Liveness.ended("Step Functions does not know execution " + executionArn);
        } catch (SdkException e) {
            return Liveness.unknown("cannot ask Step Functions about " + executionArn + ": " + e.getMessage());
        }
        ExecutionStatus status = d.status();
        if (status == ExecutionStatus.RUNNING || status == ExecutionStatus.PENDING_REDRIVE) {
            return Liveness.running(status + " since " + d.startDate());
        }
        if (status == null || status == ExecutionStatus.UNKNOWN_TO_SDK_VERSION) {
            return Liveness.unknown("Step Functions answered status '" + d.statusAsString() + "' for " + executionArn);
        }
        return Liveness.ended(status + (d.stopDate() == null ? "" : " at " + d.stopDate()));
    }
}
