package io.sensoretl.stepfunctions;

import static io.sensoretl.stepfunctions.LocalStepFunctions.awaitEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveFilter;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
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

        assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn(failed.get(0).executionArn())))
                .isInstanceOf(ExecutionDoesNotExistException.class).hasMessageContaining("child execution");

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
