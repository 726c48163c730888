package io.sensoretl.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.json.Json;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** A Task state with states:startExecution runs an execution of another local state machine, as on AWS. */
class NestedExecutionsTest {
    @TempDir
    Path dir;

    private static String create(SfnClient sfn, String name, String definition) {
        return sfn.createStateMachine(b -> b.name(name).roleArn(StepFunctionsApiTest.ROLE).definition(definition))
                .stateMachineArn();
    }

    private static String parent(String resource, String childArn, String extra) {
        return """
                {"StartAt":"Child","States":{"Child":{"Type":"Task","Resource":"%s",
                  "Parameters":{"StateMachineArn":"%s","Input":{"n.$":"$.n"}%s},"End":true}}}"""
                .formatted(resource, childArn, extra);
    }

    private static DescribeExecutionResponse run(SfnClient sfn, String machine, String input) throws InterruptedException {
        String exec = sfn.startExecution(b -> b.stateMachineArn(machine).input(input)).executionArn();
        return LocalStepFunctions.awaitEnd(sfn, exec);
    }

    @Test
    void syncWaitsForTheChildAndAnswersWithItsDescriptionOutputAsTextOrAsJson() throws Exception {
        try (LocalStepFunctions local = new LocalStepFunctions(dir.resolve("data"), null); SfnClient sfn = local.client()) {
            String child = create(sfn, "child", """
                    {"StartAt":"Double","States":{"Double":{"Type":"Pass","Parameters":{"doubled.$":"States.MathAdd($.n, $.n)"},
                      "End":true}}}""");
            String sync = create(sfn, "parent-sync", parent("arn:aws:states:::states:startExecution.sync", child, ""));
            String sync2 = create(sfn, "parent-sync2", parent("arn:aws:states:::states:startExecution.sync:2", child,
                    ",\"Name\":\"named-child\""));

            DescribeExecutionResponse done = run(sfn, sync, "{\"n\":21}");
            assertThat(done.status()).as(done.toString()).isEqualTo(ExecutionStatus.SUCCEEDED);
            JsonNode out = Json.parse(done.output());
            assertThat(out.path("Status").asText()).isEqualTo("SUCCEEDED");
            assertThat(out.path("StateMachineArn").asText()).isEqualTo(child);
            assertThat(out.path("Output").isTextual()).as(".sync gives the output as JSON text").isTrue();
            assertThat(Json.parse(out.path("Output").asText())).isEqualTo(Json.parse("{\"doubled\":42}"));
            assertThat(Json.parse(out.path("Input").asText())).isEqualTo(Json.parse("{\"n\":21}"));
            assertThat(out.path("StopDate").asLong()).isGreaterThanOrEqualTo(out.path("StartDate").asLong());
            String childExecution = out.path("ExecutionArn").asText();
            assertThat(sfn.describeExecution(b -> b.executionArn(childExecution)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);

            DescribeExecutionResponse done2 = run(sfn, sync2, "{\"n\":5}");
            assertThat(done2.status()).as(done2.toString()).isEqualTo(ExecutionStatus.SUCCEEDED);
            JsonNode out2 = Json.parse(done2.output());
            assertThat(out2.path("Output")).as(".sync:2 gives the output as JSON").isEqualTo(Json.parse("{\"doubled\":10}"));
            assertThat(out2.path("Name").asText()).isEqualTo("named-child");
            assertThat(out2.path("ExecutionArn").asText()).endsWith(":execution:child:named-child");

            List<ExecutionListItem> children = sfn.listExecutions(b -> b.stateMachineArn(child)).executions();
            assertThat(children).hasSize(2).allMatch(e -> e.status() == ExecutionStatus.SUCCEEDED);
        }
    }

    @Test
    void withoutASuffixTheTaskAnswersOnceTheChildIsStarted() throws Exception {
        try (LocalStepFunctions local = new LocalStepFunctions(dir.resolve("data"), null); SfnClient sfn = local.client()) {
            String child = create(sfn, "slow", """
                    {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":1,"End":true}}}""");
            String fire = create(sfn, "fire", parent("arn:aws:states:::states:startExecution", child, ""));

            DescribeExecutionResponse done = run(sfn, fire, "{\"n\":1}");
            assertThat(done.status()).as(done.toString()).isEqualTo(ExecutionStatus.SUCCEEDED);
            JsonNode out = Json.parse(done.output());
            assertThat(out.path("ExecutionArn").asText()).contains(":execution:slow:");
            assertThat(out.path("StartDate").isNumber()).isTrue();
            String started = out.path("ExecutionArn").asText();
            assertThat(LocalStepFunctions.awaitEnd(sfn, started).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        }
    }

    @Test
    void aFailedChildFailsTheTaskWithStatesTaskFailedAndARefusedStartWithTheApisError() throws Exception {
        try (LocalStepFunctions local = new LocalStepFunctions(dir.resolve("data"), null); SfnClient sfn = local.client()) {
            String child = create(sfn, "broken", """
                    {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Child.Broke","Cause":"on purpose"}}}""");
            String catching = create(sfn, "catching", """
                    {"StartAt":"Child","States":{"Child":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2",
                      "Parameters":{"StateMachineArn":"%s"},
                      "Catch":[{"ErrorEquals":["States.TaskFailed"],"ResultPath":"$.failure","Next":"Caught"}],"End":true},
                      "Caught":{"Type":"Pass","End":true}}}""".formatted(child));

            DescribeExecutionResponse caught = run(sfn, catching, "{}");
            assertThat(caught.status()).as(caught.toString()).isEqualTo(ExecutionStatus.SUCCEEDED);
            JsonNode failure = Json.parse(caught.output()).path("failure");
            assertThat(failure.path("Error").asText()).isEqualTo("States.TaskFailed");
            JsonNode cause = Json.parse(failure.path("Cause").asText());
            assertThat(cause.path("Status").asText()).isEqualTo("FAILED");
            assertThat(cause.path("Error").asText()).isEqualTo("Child.Broke");
            assertThat(cause.path("Cause").asText()).isEqualTo("on purpose");

            String missing = child.replace(":broken", ":nope");
            String refused = create(sfn, "refused", parent("arn:aws:states:::states:startExecution.sync", missing, ""));
            DescribeExecutionResponse failed = run(sfn, refused, "{\"n\":1}");
            assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(failed.error()).isEqualTo("StepFunctions.StateMachineDoesNotExistException");
            assertThat(failed.cause()).contains(missing);
        }
    }
}
