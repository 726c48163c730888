package io.sensoretl.stepfunctions;

import static io.sensoretl.stepfunctions.LocalStepFunctions.awaitEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;

/** The Step Functions API of `states serve`, driven by the AWS SDK v2 SfnClient with an endpoint override. */
class StepFunctionsApiTest {
    static final String ROLE = "arn:aws:iam::123456789012:role/local";
    static final String GREET = """
            {"StartAt":"Greet","States":{"Greet":{"Type":"Pass","Parameters":{"msg.$":"States.Format('hi {}', $.who)"},
             "Next":"Done"},"Done":{"Type":"Succeed"}}}""";
    static final String WAIT_LONG = """
            {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}""";
    static final String FAIL = """
            {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Bad.Input","Cause":"no who"}}}""";

    @TempDir
    Path dir;
    LocalStepFunctions local;
    SfnClient sfn;

    @BeforeEach
    void start() throws Exception {
        local = new LocalStepFunctions(dir, null);
        sfn = local.client();
    }

    @AfterEach
    void stop() {
        sfn.close();
        local.close();
    }

    private String create(String name, String definition) {
        return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE)).stateMachineArn();
    }

    @Test
    void stateMachinesAreCreatedDescribedListedUpdatedAndDeleted() {
        String arn = create("greet", GREET);
        assertThat(arn).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:greet");
        var d = sfn.describeStateMachine(b -> b.stateMachineArn(arn));
        assertThat(d.name()).isEqualTo("greet");
        assertThat(d.definition()).isEqualTo(GREET);
        assertThat(d.type()).isEqualTo(StateMachineType.STANDARD);
        assertThat(d.creationDate()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        // the same request again is idempotent; a different one conflicts
        assertThat(create("greet", GREET)).isEqualTo(arn);
        assertThatThrownBy(() -> create("greet", FAIL)).isInstanceOf(StateMachineAlreadyExistsException.class);

        create("fail", FAIL);
        assertThat(sfn.listStateMachines(b -> {}).stateMachines()).extracting(s -> s.name()).containsExactly("greet", "fail");
        var firstPage = sfn.listStateMachines(b -> b.maxResults(1));
        assertThat(firstPage.stateMachines()).hasSize(1);
        assertThat(sfn.listStateMachines(b -> b.nextToken(firstPage.nextToken())).stateMachines())
                .extracting(s -> s.name()).containsExactly("fail");

        var updated = sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(FAIL));
        assertThat(updated.revisionId()).isNotBlank();
        assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(arn)).definition()).isEqualTo(FAIL);

        sfn.deleteStateMachine(b -> b.stateMachineArn(arn));
        assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn(arn)))
                .isInstanceOf(StateMachineDoesNotExistException.class).hasMessageContaining(arn);
    }

    @Test
    void anInvalidDefinitionOrNameIsRefusedNamingTheProblem() {
        assertThatThrownBy(() -> create("bad", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Typo\":1}}}"))
                .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("Typo").hasMessageContaining("/States/A");
        assertThatThrownBy(() -> create("has space", GREET)).isInstanceOf(InvalidNameException.class);
        ValidateStateMachineDefinitionResponse v = sfn.validateStateMachineDefinition(b -> b.definition(
                "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Typo\":1}}}"));
        assertThat(v.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
        assertThat(v.diagnostics()).anySatisfy(diag -> {
            assertThat(diag.code()).isEqualTo("SCHEMA_VALIDATION_FAILED");
            assertThat(diag.location()).isEqualTo("/States/A/Typo");
        });
        assertThat(sfn.validateStateMachineDefinition(b -> b.definition(GREET)).result())
                .isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
    }

    @Test
    void anExecutionRunsAndItsHistoryPagesInBothOrders() throws Exception {
        String arn = create("greet", GREET);
        var started = sfn.startExecution(b -> b.stateMachineArn(arn).name("e1").input("{\"who\":\"ana\"}"));
        assertThat(started.executionArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:execution:greet:e1");
        DescribeExecutionResponse d = awaitEnd(sfn, started.executionArn());
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(d.output()).isEqualTo("{\"msg\":\"hi ana\"}");
        assertThat(d.input()).isEqualTo("{\"who\":\"ana\"}");
        assertThat(d.stopDate()).isAfterOrEqualTo(d.startDate());

        List<HistoryEvent> all = sfn.getExecutionHistory(b -> b.executionArn(started.executionArn())).events();
        assertThat(all).extracting(HistoryEvent::type).containsExactly(HistoryEventType.EXECUTION_STARTED,
                HistoryEventType.PASS_STATE_ENTERED, HistoryEventType.PASS_STATE_EXITED,
                HistoryEventType.SUCCEED_STATE_ENTERED, HistoryEventType.SUCCEED_STATE_EXITED,
                HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(all.get(1).previousEventId()).isZero();
        assertThat(all.get(0).executionStartedEventDetails().input()).isEqualTo("{\"who\":\"ana\"}");
        assertThat(all.get(0).timestamp()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        assertThat(all.get(2).stateExitedEventDetails().output()).isEqualTo("{\"msg\":\"hi ana\"}");

        // pages of two, newest first, cover every event once
        List<Long> ids = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            GetExecutionHistoryResponse page = sfn.getExecutionHistory(b -> b.executionArn(started.executionArn())
                    .reverseOrder(true).maxResults(2).nextToken(t));
            assertThat(page.events()).hasSizeLessThanOrEqualTo(2);
            page.events().forEach(e -> ids.add(e.id()));
            token = page.nextToken();
        } while (token != null);
        assertThat(ids).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);

        List<HistoryEvent> noData = sfn.getExecutionHistory(b -> b.executionArn(started.executionArn())
                .includeExecutionData(false)).events();
        assertThat(noData.get(0).executionStartedEventDetails().input()).isNull();
        assertThat(noData.get(0).executionStartedEventDetails().roleArn()).isEqualTo(ROLE);
        assertThat(noData.get(2).stateExitedEventDetails().output()).isNull();
        assertThat(noData.get(2).stateExitedEventDetails().name()).isEqualTo("Greet");
    }

    @Test
    void datesGoOverTheWireAsEpochSecondsAsAwsSendsThem() throws Exception {
        List<String> bodies = new ArrayList<>();
        String arn = create("greet", GREET);
        try (SfnClient recording = local.recordingClient(bodies)) {
            String exec = recording.startExecution(b -> b.stateMachineArn(arn).name("e1").input("{\"who\":\"ana\"}"))
                    .executionArn();
            awaitEnd(sfn, exec);
            recording.describeStateMachine(b -> b.stateMachineArn(arn));
            recording.describeExecution(b -> b.executionArn(exec));
            recording.listExecutions(b -> b.stateMachineArn(arn));
            recording.getExecutionHistory(b -> b.executionArn(exec));
        }
        assertThat(bodies).hasSize(5);
        double now = System.currentTimeMillis() / 1000.0;
        List<com.fasterxml.jackson.databind.JsonNode> dates = new ArrayList<>();
        dates.add(json(bodies.get(0)).get("startDate"));
        dates.add(json(bodies.get(1)).get("creationDate"));
        dates.add(json(bodies.get(2)).get("startDate"));
        dates.add(json(bodies.get(2)).get("stopDate"));
        dates.add(json(bodies.get(3)).get("executions").get(0).get("startDate"));
        json(bodies.get(4)).get("events").forEach(e -> dates.add(e.get("timestamp")));
        assertThat(dates).hasSize(11).allSatisfy(d -> {
            assertThat(d.isNumber()).as("a date is a JSON number: " + d).isTrue();
            assertThat(d.asDouble()).isBetween(now - 60, now + 1);
        });
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        return io.sensoretl.asl.json.Json.parse(text);
    }

    @Test
    void executionsAreListedNewestFirstByStatusAndInPages() throws Exception {
        String greet = create("greet", GREET);
        String fail = create("fail", FAIL);
        for (String name : List.of("a", "b", "c")) {
            awaitEnd(sfn, sfn.startExecution(b -> b.stateMachineArn(greet).name(name).input("{\"who\":\"x\"}")).executionArn());
            Thread.sleep(5);
        }
        DescribeExecutionResponse failed = awaitEnd(sfn, sfn.startExecution(b -> b.stateMachineArn(fail).name("f")).executionArn());
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.error()).isEqualTo("Bad.Input");
        assertThat(failed.cause()).isEqualTo("no who");

        assertThat(sfn.listExecutions(b -> b.stateMachineArn(greet)).executions())
                .extracting(ExecutionListItem::name).containsExactly("c", "b", "a");
        ListExecutionsResponse page1 = sfn.listExecutions(b -> b.stateMachineArn(greet).maxResults(2));
        assertThat(page1.executions()).extracting(ExecutionListItem::name).containsExactly("c", "b");
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(greet).maxResults(2).nextToken(page1.nextToken()))
                .executions()).extracting(ExecutionListItem::name).containsExactly("a");
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(fail).statusFilter(ExecutionStatus.FAILED)).executions())
                .extracting(ExecutionListItem::name).containsExactly("f");
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(greet).statusFilter(ExecutionStatus.FAILED)).executions())
                .isEmpty();
    }

    @Test
    void aRunningExecutionIsStoppedAborted() throws Exception {
        String arn = create("slow", WAIT_LONG);
        String exec = sfn.startExecution(b -> b.stateMachineArn(arn).name("s1")).executionArn();
        assertThat(sfn.describeExecution(b -> b.executionArn(exec)).status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(arn).statusFilter(ExecutionStatus.RUNNING)).executions())
                .hasSize(1);
        var stopped = sfn.stopExecution(b -> b.executionArn(exec).error("User.Stop").cause("enough"));
        assertThat(stopped.stopDate()).isNotNull();
        DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(exec));
        assertThat(d.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(d.error()).isEqualTo("User.Stop");
        List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(exec)).events();
        HistoryEvent last = events.get(events.size() - 1);
        assertThat(last.type()).isEqualTo(HistoryEventType.EXECUTION_ABORTED);
        assertThat(last.executionAbortedEventDetails().cause()).isEqualTo("enough");
    }

    @Test
    void executionNamesAreUniquePerStateMachineAndUnknownOnesAreReported() throws Exception {
        String arn = create("greet", GREET);
        awaitEnd(sfn, sfn.startExecution(b -> b.stateMachineArn(arn).name("once").input("{\"who\":\"x\"}")).executionArn());
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(arn).name("once")))
                .isInstanceOf(ExecutionAlreadyExistsException.class);
        assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn(
                "arn:aws:states:us-east-1:123456789012:execution:greet:never")))
                .isInstanceOf(ExecutionDoesNotExistException.class).hasMessageContaining("never");
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(
                "arn:aws:states:us-east-1:123456789012:stateMachine:nope"))).isInstanceOf(StateMachineDoesNotExistException.class);
    }

    @Test
    void startSyncExecutionRunsExpressMachinesOnly() {
        String express = sfn.createStateMachine(b -> b.name("fast").definition(GREET).roleArn(ROLE)
                .type(StateMachineType.EXPRESS)).stateMachineArn();
        StartSyncExecutionResponse r = sfn.startSyncExecution(b -> b.stateMachineArn(express).input("{\"who\":\"bo\"}"));
        assertThat(r.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
        assertThat(r.output()).isEqualTo("{\"msg\":\"hi bo\"}");
        assertThat(r.executionArn()).startsWith("arn:aws:states:us-east-1:123456789012:express:fast:");
        String standard = create("greet", GREET);
        assertThatThrownBy(() -> sfn.startSyncExecution(b -> b.stateMachineArn(standard)))
                .isInstanceOf(StateMachineTypeNotSupportedException.class);
    }

    @Test
    void describeStateMachineForExecutionAnswersTheDefinitionItRan() throws Exception {
        String arn = create("greet", GREET);
        String exec = sfn.startExecution(b -> b.stateMachineArn(arn).name("before").input("{\"who\":\"x\"}")).executionArn();
        awaitEnd(sfn, exec);
        sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(FAIL));
        assertThat(sfn.describeStateMachineForExecution(b -> b.executionArn(exec)).definition()).isEqualTo(GREET);
    }

    @Test
    void stateMachinesAndExecutionsSurviveARestart() throws Exception {
        String arn = create("greet", GREET);
        String done = sfn.startExecution(b -> b.stateMachineArn(arn).name("done").input("{\"who\":\"x\"}")).executionArn();
        awaitEnd(sfn, done);
        sfn.close();
        local.close();

        local = new LocalStepFunctions(dir, null);
        sfn = local.client();
        assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(arn)).definition()).isEqualTo(GREET);
        DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(done));
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(d.output()).isEqualTo("{\"msg\":\"hi x\"}");
        assertThat(sfn.getExecutionHistory(b -> b.executionArn(done)).events()).hasSize(6);
    }

    @Test
    void anActionNotServedLocallyFailsNamingIt() {
        assertThatThrownBy(() -> sfn.listActivities(b -> {}))
                .isInstanceOfSatisfying(SfnException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
                    assertThat(e.getMessage()).contains("ListActivities").contains("StartExecution");
                });
        assertThatThrownBy(() -> sfn.createStateMachine(b -> b.name("v").definition(GREET).roleArn(ROLE).publish(true)))
                .isInstanceOfSatisfying(SfnException.class, e -> assertThat(e.getMessage()).contains("'publish'"));
    }

    @Test
    void requestsSignedWithOtherCredentialsAreRefused() {
        try (SfnClient stranger = local.client("AKIDEXAMPLE", "wrong")) {
            assertThatThrownBy(() -> stranger.listStateMachines(b -> {}))
                    .isInstanceOfSatisfying(SfnException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

}
