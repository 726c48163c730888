package io.sensoretl.stepfunctions;

import static io.sensoretl.stepfunctions.LocalStepFunctions.awaitEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveStatus;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** RedriveExecution and SendTaskSuccess/Failure through the SDK against `states serve`. */
class RedriveAndCallbackApiTest {
    static final String ROLE = StepFunctionsApiTest.ROLE;

    @TempDir
    Path dir;
    LocalStepFunctions local;
    SfnClient sfn;
    final AtomicInteger flakyCalls = new AtomicInteger();
    final BlockingQueue<String> tokens = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        local = new LocalStepFunctions(dir, null);
        local.lambdas.put("flaky", (RequestHandler<Map<String, Object>, Object>) (in, ctx) -> {
            if (flakyCalls.incrementAndGet() == 1) {
                throw new IllegalStateException("first call fails");
            }
            return Map.of("ok", true);
        });
        local.lambdas.put("notify", (RequestHandler<Map<String, Object>, Object>) (in, ctx) -> {
            tokens.add((String) in.get("token"));
            return Map.of();
        });
        sfn = local.client();
    }

    @AfterEach
    void stop() {
        sfn.close();
        local.close();
    }

    @Test
    void aFailedExecutionIsRedrivenFromTheStateThatFailed() throws Exception {
        String arn = sfn.createStateMachine(b -> b.name("flaky").roleArn(ROLE).definition("""
                {"StartAt":"Before","States":{"Before":{"Type":"Pass","Result":1,"ResultPath":"$.before","Next":"Call"},
                 "Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "Parameters":{"FunctionName":"flaky","Payload.$":"$"},"OutputPath":"$.Payload","End":true}}}""")).stateMachineArn();
        String exec = sfn.startExecution(b -> b.stateMachineArn(arn).name("r1")).executionArn();
        DescribeExecutionResponse failed = awaitEnd(sfn, exec);
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.redriveStatus()).isEqualTo(ExecutionRedriveStatus.REDRIVABLE);

        assertThat(sfn.redriveExecution(b -> b.executionArn(exec)).redriveDate()).isNotNull();
        DescribeExecutionResponse redriven = awaitEnd(sfn, exec);
        assertThat(redriven.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(redriven.output()).isEqualTo("{\"ok\":true}");
        assertThat(redriven.redriveCount()).isEqualTo(1);
        List<HistoryEventType> types = sfn.getExecutionHistory(b -> b.executionArn(exec)).events().stream()
                .map(HistoryEvent::type).toList();
        assertThat(types).containsSubsequence(HistoryEventType.EXECUTION_FAILED, HistoryEventType.EXECUTION_REDRIVEN,
                HistoryEventType.EXECUTION_SUCCEEDED);
        // the Pass state before the failure ran once
        assertThat(types.stream().filter(HistoryEventType.PASS_STATE_ENTERED::equals).count()).isEqualTo(1);
        assertThat(flakyCalls.get()).isEqualTo(2);

        assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(exec)))
                .isInstanceOf(ExecutionNotRedrivableException.class).hasMessageContaining("SUCCEEDED");
    }

    @Test
    void aCallbackTaskWaitsForSendTaskSuccessOrFailure() throws Exception {
        String arn = sfn.createStateMachine(b -> b.name("callback").roleArn(ROLE).definition("""
                {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
                  "Parameters":{"FunctionName":"notify","Payload":{"token.$":"$$.Task.Token"}},"End":true}}}""")).stateMachineArn();
        String ok = sfn.startExecution(b -> b.stateMachineArn(arn).name("ok")).executionArn();
        String token = tokens.poll(10, TimeUnit.SECONDS);
        assertThat(token).as("the function got $$.Task.Token").isNotNull();
        Thread.sleep(100);
        assertThat(sfn.describeExecution(b -> b.executionArn(ok)).status()).isEqualTo(ExecutionStatus.RUNNING);
        sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"approved\":true}"));
        DescribeExecutionResponse done = awaitEnd(sfn, ok);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("{\"approved\":true}");
        // the task is answered: a second answer is too late
        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")))
                .isInstanceOf(TaskTimedOutException.class);

        String no = sfn.startExecution(b -> b.stateMachineArn(arn).name("no")).executionArn();
        String token2 = tokens.poll(10, TimeUnit.SECONDS);
        sfn.sendTaskHeartbeat(b -> b.taskToken(token2));
        sfn.sendTaskFailure(b -> b.taskToken(token2).error("Denied").cause("not today"));
        DescribeExecutionResponse denied = awaitEnd(sfn, no);
        assertThat(denied.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(denied.error()).isEqualTo("Denied");
        assertThat(denied.cause()).isEqualTo("not today");

        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken("AQ" + "x".repeat(64)).output("{}")))
                .isInstanceOf(TaskDoesNotExistException.class);
    }
}
