package io.sensoretl.stepfunctions;

import static io.sensoretl.stepfunctions.LocalStepFunctions.awaitEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.sensoretl.asl.json.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveStatus;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveFilter;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.MapRunListItem;
import software.amazon.awssdk.services.sfn.model.MapRunStatus;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** DescribeMapRun, ListMapRuns and ListExecutions by mapRunArn through the SDK against `states serve`. */
class MapRunApiTest {
    static final String ROLE = StepFunctionsApiTest.ROLE;
    /** A Distributed Map over four items, one at a time; item 3 fails until it is cleared, and nothing is tolerated. */
    static final String ITEMS = """
            {"StartAt":"Fan","States":{"Fan":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":1,"End":true,
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                "StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "Parameters":{"FunctionName":"work","Payload.$":"$"},"OutputPath":"$.Payload","End":true}}}}}}""";

    @TempDir
    Path dir;
    LocalStepFunctions local;
    SfnClient sfn;
    final AtomicBoolean itemThreeFails = new AtomicBoolean(true);

    @BeforeEach
    void start() throws Exception {
        local = new LocalStepFunctions(dir, null);
        local.lambdas.put("work", (RequestHandler<Object, Object>) (in, ctx) -> {
            if (String.valueOf(in).equals("3") && itemThreeFails.get()) {
                throw new IllegalArgumentException("item 3 is broken");
            }
            return Map.of("done", in);
        });
        sfn = local.client();
    }

    @AfterEach
    void stop() {
        sfn.close();
        local.close();
    }

    private String failedRun() throws InterruptedException {
        String machine = sfn.createStateMachine(b -> b.name("items").roleArn(ROLE).definition(ITEMS)).stateMachineArn();
        String exec = sfn.startExecution(b -> b.stateMachineArn(machine).name("run1").input("{\"items\":[1,2,3,4]}"))
                .executionArn();
        assertThat(awaitEnd(sfn, exec).status()).isEqualTo(ExecutionStatus.FAILED);
        return exec;
    }

    @Test
    void aMapRunIsListedAndDescribedWithItsItemCounts() throws Exception {
        String exec = failedRun();
        List<MapRunListItem> runs = sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns();
        assertThat(runs).hasSize(1);
        MapRunListItem run = runs.get(0);
        assertThat(run.executionArn()).isEqualTo(exec);
        assertThat(run.mapRunArn()).startsWith("arn:aws:states:us-east-1:123456789012:mapRun:items/Fan:");
        assertThat(run.stateMachineArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:items/Fan");
        assertThat(run.startDate()).isNotNull();
        assertThat(run.stopDate()).isAfterOrEqualTo(run.startDate());

        DescribeMapRunResponse d = sfn.describeMapRun(b -> b.mapRunArn(run.mapRunArn()));
        assertThat(d.mapRunArn()).isEqualTo(run.mapRunArn());
        assertThat(d.executionArn()).isEqualTo(exec);
        assertThat(d.status()).isEqualTo(MapRunStatus.FAILED);
        assertThat(d.startDate()).isEqualTo(run.startDate());
        assertThat(d.stopDate()).isEqualTo(run.stopDate());
        assertThat(d.maxConcurrency()).isEqualTo(1);
        assertThat(d.toleratedFailureCount()).isZero();
        assertThat(d.toleratedFailurePercentage()).isZero();
        // one at a time: 1 and 2 succeed, 3 fails, 4 never starts once the tolerance (none) is exceeded
        assertThat(d.itemCounts().succeeded()).isEqualTo(2);
        assertThat(d.itemCounts().failed()).isEqualTo(1);
        assertThat(d.itemCounts().aborted()).isEqualTo(1);
        assertThat(d.itemCounts().total()).isEqualTo(4);
        assertThat(d.executionCounts().failed()).isEqualTo(1);
        assertThat(d.executionCounts().total()).isEqualTo(4);
        assertThat(d.redriveCount()).isZero();
        assertThat(d.redriveDate()).isNull();
    }

    @Test
    void aMapRunsChildExecutionsAreListedByStatusAndInPagesAndARedriveShowsInThem() throws Exception {
        String exec = failedRun();
        String mapRun = sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns().get(0).mapRunArn();
        List<ExecutionListItem> children = sfn.listExecutions(b -> b.mapRunArn(mapRun)).executions();
        assertThat(children).extracting(ExecutionListItem::status)
                .containsExactlyInAnyOrder(ExecutionStatus.SUCCEEDED, ExecutionStatus.SUCCEEDED, ExecutionStatus.FAILED);
        assertThat(children).allSatisfy(c -> {
            assertThat(c.mapRunArn()).isEqualTo(mapRun);
            assertThat(c.stateMachineArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:items/Fan");
            assertThat(c.executionArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:execution:items/Fan:" + c.name());
            assertThat(c.stopDate()).isNotNull();
        });
        List<ExecutionListItem> failed = sfn.listExecutions(b -> b.mapRunArn(mapRun).statusFilter(ExecutionStatus.FAILED))
                .executions();
        assertThat(failed).hasSize(1);

        ListExecutionsResponse first = sfn.listExecutions(b -> b.mapRunArn(mapRun).maxResults(2));
        assertThat(first.executions()).hasSize(2);
        ListExecutionsResponse second = sfn.listExecutions(b -> b.mapRunArn(mapRun).maxResults(2)
                .nextToken(first.nextToken()));
        assertThat(second.executions()).hasSize(1);
        assertThat(second.nextToken()).isNull();

        itemThreeFails.set(false);
        sfn.redriveExecution(b -> b.executionArn(exec));
        assertThat(awaitEnd(sfn, exec).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        DescribeMapRunResponse d = sfn.describeMapRun(b -> b.mapRunArn(mapRun));
        assertThat(d.status()).isEqualTo(MapRunStatus.SUCCEEDED);
        assertThat(d.redriveCount()).isEqualTo(1);
        assertThat(d.redriveDate()).isAfterOrEqualTo(d.startDate());
        assertThat(d.itemCounts().succeeded()).isEqualTo(4);
        assertThat(sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns()).as("a redrive keeps the Map Run").hasSize(1);
        List<ExecutionListItem> after = sfn.listExecutions(b -> b.mapRunArn(mapRun)).executions();
        assertThat(after).hasSize(4).allSatisfy(c -> assertThat(c.status()).isEqualTo(ExecutionStatus.SUCCEEDED));
        List<ExecutionListItem> redriven = sfn.listExecutions(b -> b.mapRunArn(mapRun)
                .redriveFilter(ExecutionRedriveFilter.REDRIVEN)).executions();
        assertThat(redriven).as("only the failed child ran again").hasSize(1);
        assertThat(redriven.get(0).redriveCount()).isEqualTo(1);
        assertThat(sfn.listExecutions(b -> b.mapRunArn(mapRun).redriveFilter(ExecutionRedriveFilter.NOT_REDRIVEN))
                .executions()).hasSize(3);
    }

    @Test
    void aStandardChildExecutionIsDescribedAndHasItsOwnHistoryWhichARedriveContinues() throws Exception {
        String exec = failedRun();
        String mapRun = sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns().get(0).mapRunArn();
        List<ExecutionListItem> children = sfn.listExecutions(b -> b.mapRunArn(mapRun)).executions();
        for (ExecutionListItem c : children) {
            DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(c.executionArn()));
            assertThat(d.executionArn()).isEqualTo(c.executionArn());
            assertThat(d.stateMachineArn()).isEqualTo(c.stateMachineArn());
            assertThat(d.name()).isEqualTo(c.name());
            assertThat(d.status()).isEqualTo(c.status());
            assertThat(d.startDate()).isEqualTo(c.startDate());
            assertThat(d.stopDate()).isEqualTo(c.stopDate());
            assertThat(d.mapRunArn()).isEqualTo(mapRun);
            assertThat(d.redriveStatus()).isEqualTo(ExecutionRedriveStatus.NOT_REDRIVABLE);
            assertThat(d.redriveStatusReason()).contains("redrive its parent execution " + exec);

            List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(c.executionArn())).events();
            assertThat(events.get(0).type()).isEqualTo(HistoryEventType.EXECUTION_STARTED);
            // the child's input is its item, as the Map Run gave it
            assertThat(events.get(0).executionStartedEventDetails().input()).isEqualTo(d.input());
            assertThat(events.get(0).executionStartedEventDetails().roleArn()).isEqualTo(ROLE);
            assertThat(events.get(1).type()).isEqualTo(HistoryEventType.TASK_STATE_ENTERED);
            assertThat(events.get(1).previousEventId()).isZero();
            if (d.status() == ExecutionStatus.SUCCEEDED) {
                assertThat(d.output()).isEqualTo("{\"done\":" + d.input() + "}");
                assertThat(events).extracting(HistoryEvent::type).containsExactly(HistoryEventType.EXECUTION_STARTED,
                        HistoryEventType.TASK_STATE_ENTERED, HistoryEventType.TASK_SCHEDULED, HistoryEventType.TASK_STARTED,
                        HistoryEventType.TASK_SUCCEEDED, HistoryEventType.TASK_STATE_EXITED,
                        HistoryEventType.EXECUTION_SUCCEEDED);
                assertThat(events.get(6).executionSucceededEventDetails().output()).isEqualTo(d.output());
            } else {
                assertThat(d.input()).isEqualTo("3");
                assertThat(d.error()).isNotBlank();
                assertThat(d.cause()).contains("item 3 is broken");
                assertThat(events.get(events.size() - 1).type()).isEqualTo(HistoryEventType.EXECUTION_FAILED);
                assertThat(events.get(events.size() - 1).executionFailedEventDetails().error()).isEqualTo(d.error());
            }
        }
        String failedChild = children.stream().filter(c -> c.status() == ExecutionStatus.FAILED).findFirst().orElseThrow()
                .executionArn();
        var machine = sfn.describeStateMachineForExecution(b -> b.executionArn(failedChild));
        assertThat(machine.stateMachineArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:items/Fan");
        assertThat(machine.name()).isEqualTo("items/Fan");
        assertThat(machine.mapRunArn()).isEqualTo(mapRun);
        assertThat(machine.label()).isEqualTo("Fan");
        assertThat(machine.roleArn()).isEqualTo(ROLE);
        assertThat(Json.parse(machine.definition())).isEqualTo(Json.parse(ITEMS).at("/States/Fan/ItemProcessor"));
        assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(failedChild)))
                .isInstanceOf(ExecutionNotRedrivableException.class).hasMessageContaining(exec);

        itemThreeFails.set(false);
        sfn.redriveExecution(b -> b.executionArn(exec));
        assertThat(awaitEnd(sfn, exec).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        DescribeExecutionResponse redriven = sfn.describeExecution(b -> b.executionArn(failedChild));
        assertThat(redriven.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(redriven.redriveCount()).isEqualTo(1);
        assertThat(redriven.redriveDate()).isAfterOrEqualTo(redriven.startDate());
        assertThat(redriven.output()).isEqualTo("{\"done\":3}");
        List<HistoryEvent> again = sfn.getExecutionHistory(b -> b.executionArn(failedChild)).events();
        assertThat(again).extracting(HistoryEvent::type).containsSubsequence(HistoryEventType.EXECUTION_STARTED,
                HistoryEventType.EXECUTION_FAILED, HistoryEventType.EXECUTION_REDRIVEN, HistoryEventType.TASK_STATE_ENTERED,
                HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(again.get(0).executionStartedEventDetails().input()).isEqualTo("3");

        // kept on disk: a restarted service still answers
        sfn.close();
        local.close();
        local = new LocalStepFunctions(dir, null);
        sfn = local.client();
        assertThat(sfn.describeExecution(b -> b.executionArn(failedChild)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(sfn.getExecutionHistory(b -> b.executionArn(failedChild)).events()).hasSameSizeAs(again);
        String unknown = failedChild.substring(0, failedChild.lastIndexOf(':') + 1) + "00000000-0000-0000-0000-000000000000";
        assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn(unknown)))
                .isInstanceOf(ExecutionDoesNotExistException.class).hasMessageContaining("Map Run");
    }

    @Test
    void unknownAndMalformedMapRunsAreRefusedAsAwsDoes() throws Exception {
        String exec = failedRun();
        String unknown = "arn:aws:states:us-east-1:123456789012:mapRun:items/Fan:00000000-0000-0000-0000-000000000000";
        assertThatThrownBy(() -> sfn.describeMapRun(b -> b.mapRunArn(unknown)))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.resourceName()).isEqualTo(unknown);
                    assertThat(e.statusCode()).isEqualTo(400);
                });
        assertThatThrownBy(() -> sfn.listExecutions(b -> b.mapRunArn(unknown)))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining(unknown);
        assertThatThrownBy(() -> sfn.describeMapRun(b -> b.mapRunArn(exec)))
                .as("an execution ARN is not a Map Run ARN").isInstanceOf(InvalidArnException.class);
        assertThatThrownBy(() -> sfn.describeMapRun(b -> b.mapRunArn("arn:aws:states:us-east-1:123456789012:mapRun:x")))
                .isInstanceOf(InvalidArnException.class);
        assertThatThrownBy(() -> sfn.listMapRuns(b -> b.executionArn(exec + "-never")))
                .isInstanceOf(ExecutionDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.listMapRuns(b -> b.executionArn("not-an-arn")))
                .isInstanceOf(InvalidArnException.class);
        String machine = "arn:aws:states:us-east-1:123456789012:stateMachine:items";
        String mapRun = sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns().get(0).mapRunArn();
        assertThatThrownBy(() -> sfn.listExecutions(b -> b.mapRunArn(mapRun).stateMachineArn(machine)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> sfn.listExecutions(b -> b.redriveFilter("SOMETIMES").stateMachineArn(machine)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("redriveFilter");
    }
}
