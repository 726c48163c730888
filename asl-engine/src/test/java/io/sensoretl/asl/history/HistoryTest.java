package io.sensoretl.asl.history;

import static io.sensoretl.asl.Engines.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.Engines;
import io.sensoretl.asl.engine.AslEngine;
import io.sensoretl.asl.engine.ExecutionResult;
import io.sensoretl.asl.json.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {
    @TempDir
    Path dir;

    @Test
    void eventsAreNumberedAndChainedInExecutionHistoryShape() {
        Engines engines = new Engines();
        ExecutionResult r = engines.run(q("{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'B'},'B':{'Type':'Succeed'}}}"), "{}");
        assertThat(r.history()).extracting(HistoryEvent::type).containsExactly("ExecutionStarted", "PassStateEntered",
                "PassStateExited", "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded");
        for (int i = 0; i < r.history().size(); i++) {
            assertThat(r.history().get(i).id()).isEqualTo(i + 1);
            // as on AWS, the first event after ExecutionStarted does not point back to it
            assertThat(r.history().get(i).previousEventId()).isEqualTo(i <= 1 ? 0 : i);
        }
        assertThat(r.history().get(1).toJson().path("stateEnteredEventDetails").path("name").asText()).isEqualTo("A");
    }

    @Test
    void taskEventsNameTheIntegrationLikeAws() {
        Engines engines = new Engines();
        engines.engine.lambdas().register("fn",
                (com.amazonaws.services.lambda.runtime.RequestHandler<Object, Object>) (in, ctx) -> in);
        ExecutionResult r = engines.run(q("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',"
                + "'Parameters':{'FunctionName':'fn','Payload':{}},'TimeoutSeconds':9,'End':true}}}"), "{}");
        HistoryEvent scheduled = r.history().stream().filter(e -> e.type().equals("TaskScheduled")).findFirst().orElseThrow();
        var details = scheduled.toJson().path("taskScheduledEventDetails");
        assertThat(details.path("resourceType").asText()).isEqualTo("lambda");
        assertThat(details.path("resource").asText()).isEqualTo("invoke");
        assertThat(details.path("region").asText()).isEqualTo("eu-west-1");
        assertThat(details.path("timeoutInSeconds").asInt()).isEqualTo(9);
        assertThat(r.history()).extracting(HistoryEvent::type).containsSubsequence("TaskStateEntered", "TaskScheduled",
                "TaskStarted", "TaskSucceeded", "TaskStateExited");
        assertThat(r.history().get(1).toJson().path("stateEnteredEventDetails").path("inputDetails")
                .path("truncated").asBoolean(true)).isFalse();
    }

    @Test
    void statesThatAssignVariablesCarryThemOnTheirExitedEvent() {
        ExecutionResult r = new Engines().run(q("""
                {'StartAt':'A','States':{
                  'A':{'Type':'Pass','Result':{'n':2},'Assign':{'count.$':'$.n','label':'two'},'Next':'B'},
                  'B':{'Type':'Pass','End':true}}}"""), "{}");
        var exitedA = r.history().get(2).toJson();
        assertThat(exitedA.path("type").asText()).isEqualTo("PassStateExited");
        var details = exitedA.path("stateExitedEventDetails");
        assertThat(details.path("assignedVariables").path("count").asText()).isEqualTo("2");
        assertThat(details.path("assignedVariables").path("label").asText()).isEqualTo("\"two\"");
        assertThat(details.path("assignedVariablesDetails").path("truncated").asBoolean(true)).isFalse();
        assertThat(r.history().get(4).toJson().path("stateExitedEventDetails").has("assignedVariables")).isFalse();
    }

    @Test
    void aTaskOnAnUnsupportedResourceIsScheduledThenFailsNamingStateResourceAndHowToMockIt() {
        ExecutionResult r = new Engines().run(q("""
                {'StartAt':'Save','States':{'Save':{'Type':'Task','Resource':'arn:aws:states:::dynamodb:putItem',
                  'Parameters':{'TableName':'t'},'Catch':[{'ErrorEquals':['States.ALL'],'Next':'Never'}],'End':true},
                  'Never':{'Type':'Pass','End':true}}}"""), "{}");
        assertThat(r.status().name()).isEqualTo("FAILED");
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).contains("'Save'").contains("arn:aws:states:::dynamodb:putItem").contains("MockConfigFile")
                .contains("#<test case name>");
        assertThat(r.history()).extracting(HistoryEvent::type).containsExactly("ExecutionStarted", "TaskStateEntered",
                "TaskScheduled", "TaskFailed", "ExecutionFailed");
        var failed = r.history().get(3).toJson().path("taskFailedEventDetails");
        assertThat(failed.path("resourceType").asText()).isEqualTo("dynamodb");
        assertThat(failed.path("resource").asText()).isEqualTo("putItem");
        assertThat(failed.path("error").asText()).isEqualTo("States.Runtime");
    }

    @Test
    void aStandardMapRunChildKeepsItsOwnRecordAndHistoryBesideItsParent() {
        ExecutionStore store = new ExecutionStore(dir);
        ExecutionResult r = new Engines(AslEngine.builder().store(store)).run(q("""
                {'StartAt':'Fan','States':{'Fan':{'Type':'Map','Label':'Each','End':true,
                  'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},
                    'StartAt':'Check','States':{'Check':{'Type':'Choice',
                      'Choices':[{'Variable':'$.n','NumericLessThan':2,'Next':'Small'}],'Default':'Big'},
                      'Small':{'Type':'Pass','Result':'small','End':true},
                      'Big':{'Type':'Fail','Error':'TooBig','Cause':'n >= 2'}}},
                  'ToleratedFailureCount':1}}}"""), "[{\"n\":1},{\"n\":5}]");
        assertThat(r.status().name()).isEqualTo("SUCCEEDED");
        JsonNode listed = r.mapRuns().get(0).path("childExecutions");
        JsonNode items = Json.parse("[{\"n\":1},{\"n\":5}]");
        ExecutionStore children = store.children("exec-1");
        assertThat(children.list()).hasSize(2);
        assertThat(store.list()).as("children are not executions of the parent's machine").containsExactly("exec-1");
        for (JsonNode c : listed) {
            ExecutionRecord child = children.find(c.path("name").asText()).orElseThrow();
            assertThat(child.executionArn()).isEqualTo(c.path("executionArn").asText())
                    .startsWith("arn:aws:states:eu-west-1:111122223333:execution:machine-1/Each:");
            assertThat(child.stateMachineArn()).isEqualTo("arn:aws:states:eu-west-1:111122223333:stateMachine:machine-1/Each");
            JsonNode item = items.get(c.path("index").asInt());
            assertThat(child.input()).isEqualTo(item);
            assertThat(child.startDate()).isEqualTo(c.path("startDate").asText());
            assertThat(child.stopDate()).isEqualTo(c.path("stopDate").asText());
            assertThat(child.owner()).isNull();
            HistoryEvent started = child.events().get(0);
            assertThat(started.type()).isEqualTo("ExecutionStarted");
            assertThat(started.toJson().path("executionStartedEventDetails").path("input").asText())
                    .isEqualTo(Json.write(item));
            assertThat(started.toJson().path("executionStartedEventDetails").path("roleArn").asText()).isNotEmpty();
            assertThat(child.events().get(1).previousEventId()).isZero();
            for (int i = 0; i < child.events().size(); i++) {
                assertThat(child.events().get(i).id()).isEqualTo(i + 1);
            }
        }
        ExecutionRecord small = children.find(listed.get(0).path("name").asText()).orElseThrow();
        assertThat(small.status()).isEqualTo("SUCCEEDED");
        assertThat(small.output().asText()).isEqualTo("small");
        assertThat(small.events()).extracting(HistoryEvent::type).containsExactly("ExecutionStarted", "ChoiceStateEntered",
                "ChoiceStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
        ExecutionRecord big = children.find(listed.get(1).path("name").asText()).orElseThrow();
        assertThat(big.status()).isEqualTo("FAILED");
        assertThat(big.error()).isEqualTo("TooBig");
        assertThat(big.cause()).isEqualTo("n >= 2");
        assertThat(big.events()).extracting(HistoryEvent::type).endsWith("FailStateEntered", "ExecutionFailed");
    }

    @Test
    void anExpressMapRunChildKeepsNoRecordOfItsOwn() {
        ExecutionStore store = new ExecutionStore(dir);
        ExecutionResult r = new Engines(AslEngine.builder().store(store)).run(q("""
                {'StartAt':'Fan','States':{'Fan':{'Type':'Map','End':true,
                  'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'EXPRESS'},
                    'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}}}}"""), "[1,2]");
        assertThat(r.status().name()).isEqualTo("SUCCEEDED");
        assertThat(store.children("exec-1").list()).isEmpty();
    }

    @Test
    void executionsArePersistedAndCanBeReadBack() {
        Engines engines = new Engines(AslEngine.builder().store(new ExecutionStore(dir)));
        ExecutionResult r = engines.run(q("{'StartAt':'F','States':{'F':{'Type':'Fail','Error':'E','Cause':'C'}}}"), "{\"x\":1}");
        ExecutionStore reopened = new ExecutionStore(dir);
        assertThat(reopened.list()).containsExactly("exec-1");
        ExecutionRecord record = reopened.find(r.executionArn()).orElseThrow();
        assertThat(record.status()).isEqualTo("FAILED");
        assertThat(record.error()).isEqualTo("E");
        assertThat(record.events()).hasSize(r.history().size());
        assertThat(record.events().get(record.events().size() - 1).type()).isEqualTo("ExecutionFailed");
    }
}
