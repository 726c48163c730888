package io.sensoretl.console;

import static io.sensoretl.console.StateStatus.ABORTED;
import static io.sensoretl.console.StateStatus.CAUGHT;
import static io.sensoretl.console.StateStatus.FAILED;
import static io.sensoretl.console.StateStatus.RUNNING;
import static io.sensoretl.console.StateStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Each state's status, read from histories the local engine recorded (through GetExecutionHistory). */
class StateStatusesTest {
    @TempDir
    Path dir;
    ConsoleFixture local;

    @BeforeEach
    void start() throws Exception {
        local = new ConsoleFixture(dir);
    }

    @AfterEach
    void stop() {
        local.close();
    }

    private Map<String, StateStatus> statuses(String executionArn) {
        boolean running = local.sfn.describeExecution(b -> b.executionArn(executionArn)).status()
                == ExecutionStatus.RUNNING;
        return StateStatuses.of(local.history(executionArn), running);
    }

    @Test
    void aFailedParallelShowsItsCaughtBranchAndTheFailedMapAndNothingAfterIt() throws Exception {
        String machine = local.create("orders", ConsoleFixture.ORDERS);
        String exec = local.start(machine, "first", "{}");
        assertThat(local.awaitEnd(exec).status()).isEqualTo(ExecutionStatus.FAILED);

        // Work runs in the Map Run's child executions, whose histories are their own
        assertThat(statuses(exec)).containsOnly(entry("Prepare", SUCCEEDED), entry("Fan", FAILED),
                entry("Check", CAUGHT), entry("Fallback", SUCCEEDED), entry("Items", FAILED));
    }

    @Test
    void aRedrivenExecutionShowsTheStatesItRanAgainAsTheyEndedThen() throws Exception {
        String machine = local.create("orders", ConsoleFixture.ORDERS);
        String exec = local.start(machine, "redriven", "{}");
        local.awaitEnd(exec);
        local.sfn.redriveExecution(b -> b.executionArn(exec));
        assertThat(local.awaitEnd(exec).status()).isEqualTo(ExecutionStatus.SUCCEEDED);

        assertThat(statuses(exec)).containsOnly(entry("Prepare", SUCCEEDED), entry("Fan", SUCCEEDED),
                entry("Check", CAUGHT), entry("Fallback", SUCCEEDED), entry("Items", SUCCEEDED),
                entry("Done", SUCCEEDED));
    }

    @Test
    void anInlineMapWhoseIterationFailedIsCaughtAndTheFailedInnerStateShowsIt() throws Exception {
        String machine = local.create("inline", """
                {"StartAt":"Loop","States":{
                  "Loop":{"Type":"Map","ItemsPath":"$.xs","Catch":[{"ErrorEquals":["States.ALL"],"Next":"Recover"}],
                    "ItemProcessor":{"StartAt":"Step","States":{"Step":{"Type":"Task",
                      "Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"work","Payload.$":"$"},
                      "End":true}}},"Next":"Never"},
                  "Recover":{"Type":"Pass","End":true},
                  "Never":{"Type":"Pass","End":true}}}""");
        assertThat(local.run(machine, "m", "{\"xs\":[1,2,3]}").status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(statuses(local.sfn.listExecutions(b -> b.stateMachineArn(machine)).executions().get(0)
                .executionArn())).containsOnly(entry("Loop", CAUGHT), entry("Step", FAILED), entry("Recover", SUCCEEDED));
    }

    @Test
    void aFailStateFailsAndTheChoiceThatLedThereSucceeded() throws Exception {
        String machine = local.create("choose", """
                {"StartAt":"Pick","States":{
                  "Pick":{"Type":"Choice","Choices":[{"Variable":"$.ok","BooleanEquals":true,"Next":"Fine"}],
                          "Default":"Broken"},
                  "Fine":{"Type":"Succeed"},
                  "Broken":{"Type":"Fail","Error":"Bad","Cause":"not ok"}}}""");
        String exec = local.start(machine, "c", "{\"ok\":false}");
        assertThat(local.awaitEnd(exec).status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(statuses(exec)).containsOnly(entry("Pick", SUCCEEDED), entry("Broken", FAILED));
    }

    @Test
    void aWaitingTaskRunsUntilTheExecutionIsStoppedThenItIsAborted() throws Exception {
        String machine = local.create("waits", ConsoleFixture.WAITS);
        String exec = local.start(machine, "w", "{}");
        long until = System.nanoTime() + 10_000_000_000L;
        while (!statuses(exec).containsKey("Hold") && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(statuses(exec)).containsOnly(entry("Hold", RUNNING));
        local.sfn.stopExecution(b -> b.executionArn(exec));
        assertThat(local.awaitEnd(exec).status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(statuses(exec)).containsOnly(entry("Hold", ABORTED));
    }

    /** Retries are not recorded here (their shortest interval is a second): the history is written out. */
    @Test
    void aTaskThatSucceededOnItsRetrySucceeded() {
        List<JsonNode> events = new ArrayList<>();
        event(events, 1, 0, "ExecutionStarted", null);
        event(events, 2, 0, "TaskStateEntered", "Call");
        event(events, 3, 2, "TaskScheduled", null);
        event(events, 4, 3, "TaskStarted", null);
        event(events, 5, 4, "TaskFailed", null);
        event(events, 6, 5, "TaskScheduled", null);
        event(events, 7, 6, "TaskStarted", null);
        event(events, 8, 7, "TaskSucceeded", null);
        event(events, 9, 8, "TaskStateExited", "Call");
        event(events, 10, 9, "ExecutionSucceeded", null);
        assertThat(StateStatuses.of(events, false)).containsOnly(entry("Call", SUCCEEDED));
        // cut before the retry: it failed, and the execution still runs (the retry waits)
        assertThat(StateStatuses.of(events.subList(0, 5), true)).containsOnly(entry("Call", FAILED));
    }

    /** Interleaved branches: each event belongs to the state its previousEventId chain leads to. */
    @Test
    void eventsOfInterleavedBranchesBelongToTheirOwnStates() {
        List<JsonNode> events = new ArrayList<>();
        event(events, 1, 0, "ExecutionStarted", null);
        event(events, 2, 0, "ParallelStateEntered", "Fan");
        event(events, 3, 2, "ParallelStateStarted", null);
        event(events, 4, 3, "TaskStateEntered", "A");
        event(events, 5, 3, "TaskStateEntered", "B");
        event(events, 6, 4, "TaskScheduled", null);
        event(events, 7, 5, "TaskScheduled", null);
        event(events, 8, 7, "TaskFailed", null);
        event(events, 9, 6, "TaskSucceeded", null);
        event(events, 10, 9, "TaskStateExited", "A");
        assertThat(StateStatuses.of(events, true)).containsOnly(entry("Fan", RUNNING), entry("A", SUCCEEDED),
                entry("B", FAILED));
    }

    private static void event(List<JsonNode> events, long id, long previous, String type, String state) {
        ObjectNode e = Json.object().put("id", id).put("previousEventId", previous).put("type", type)
                .put("timestamp", 1.0 * id);
        if (state != null) {
            e.putObject(type.endsWith("Entered") ? "stateEnteredEventDetails" : "stateExitedEventDetails")
                    .put("name", state);
        }
        events.add(e);
    }
}
