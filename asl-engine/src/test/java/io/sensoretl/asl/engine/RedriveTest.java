package io.sensoretl.asl.engine;

import static io.sensoretl.asl.Engines.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.Engines;
import io.sensoretl.asl.errors.ExecutionNotRedrivableException;
import io.sensoretl.asl.history.ExecutionRecord;
import io.sensoretl.asl.history.ExecutionStore;
import io.sensoretl.asl.history.HistoryEvent;
import io.sensoretl.asl.json.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RedriveExecution: an execution that failed goes on from its unsuccessful state with the same input and
 * variables; successful Parallel branches, Map iterations and Map Run children are not run again. Each redrive
 * here starts from the record on disk, read by a new engine, as after a restart.
 */
class RedriveTest {
    @TempDir
    Path dir;

    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    /** Inputs the function fails on (until the test "fixes" it), and how often it saw each input. */
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private AslEngine engine() {
        AslEngine engine = new Engines(AslEngine.builder().executor(pool).store(new ExecutionStore(dir))).engine;
        engine.lambdas().register("work", (RequestHandler<Object, Object>) (in, ctx) -> {
            String key = String.valueOf(in);
            calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            if (failing.contains(key)) {
                throw new IllegalStateException("cannot do " + key + " yet");
            }
            return "done " + key;
        });
        return engine;
    }

    private int callsFor(String input) {
        return calls.getOrDefault(input, new AtomicInteger()).get();
    }

    private ExecutionResult firstRun(String definition, String input) {
        ExecutionResult r = engine().execute(AslEngine.load(Json.parse(q(definition))),
                new ExecutionRequest(Json.parse(input), "run-1", "machine", "eu-west-1", "111122223333", null, null));
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        return r;
    }

    /** A new engine redrives the record it finds on disk. */
    private ExecutionResult redrive(String definition) throws Exception {
        failing.clear();
        ExecutionRecord failed = new ExecutionStore(dir).find("run-1").orElseThrow();
        return engine().redrive(AslEngine.load(Json.parse(q(definition))), failed, null).await(Duration.ofSeconds(30));
    }

    private static long entered(ExecutionResult r, String state) {
        return r.history().stream().filter(e -> e.type().endsWith("StateEntered")
                && e.toJson().path("stateEnteredEventDetails").path("name").asText().equals(state)).count();
    }

    @Test
    void aFailedExecutionGoesOnFromTheFailedStateWithItsInputAndVariables() throws Exception {
        String definition = """
                {'StartAt':'Prepare','States':{
                  'Prepare':{'Type':'Pass','Result':'step','Assign':{'prefix.$':'$'},'ResultPath':'$.prepared','Next':'Work'},
                  'Work':{'Type':'Task','Resource':'arn:aws:lambda:eu-west-1:111122223333:function:work',
                          'InputPath':'$.job','ResultPath':'$.result','Next':'Finish'},
                  'Finish':{'Type':'Pass','Parameters':{'prefix.$':'$prefix','result.$':'$.result',
                            'redriveCount.$':'$$.Execution.RedriveCount'},'End':true}}}""";
        failing.add("j1");
        ExecutionResult first = firstRun(definition, "{\"job\":\"j1\"}");
        assertThat(first.error()).isEqualTo("java.lang.IllegalStateException");

        ExecutionResult r = redrive(definition);
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.executionArn()).isEqualTo(first.executionArn());
        assertThat(r.output()).isEqualTo(Json.parse("{\"prefix\":\"step\",\"result\":\"done j1\",\"redriveCount\":1}"));
        assertThat(entered(r, "Prepare")).as("the successful first state is not run again").isEqualTo(1);
        assertThat(entered(r, "Work")).isEqualTo(2);
        assertThat(r.history()).extracting(HistoryEvent::type).containsSubsequence("ExecutionStarted", "ExecutionFailed",
                "ExecutionRedriven", "TaskStateEntered", "ExecutionSucceeded");
        HistoryEvent redriven = r.history().stream().filter(e -> e.type().equals("ExecutionRedriven")).findFirst().orElseThrow();
        assertThat(redriven.id()).isEqualTo(first.history().size() + 1L);
        assertThat(redriven.toJson().path("executionRedrivenEventDetails").path("redriveCount").asInt()).isEqualTo(1);
        for (int i = 0; i < r.history().size(); i++) {
            assertThat(r.history().get(i).id()).as("ids go on").isEqualTo(i + 1L);
        }
        ExecutionRecord saved = new ExecutionStore(dir).find("run-1").orElseThrow();
        assertThat(saved.status()).isEqualTo("SUCCEEDED");
        assertThat(saved.redriveCount()).isEqualTo(1);
        assertThat(saved.redriveDate()).isNotNull();
        assertThat(saved.describe().path("redriveCount").asInt()).isEqualTo(1);
    }

    @Test
    void aRedrivenParallelRunsOnlyTheBranchesThatFailed() throws Exception {
        String definition = """
                {'StartAt':'Both','States':{'Both':{'Type':'Parallel','End':true,'Branches':[
                  {'StartAt':'A','States':{'A':{'Type':'Task','Resource':'arn:aws:lambda:eu-west-1:111122223333:function:work',
                     'InputPath':'$.a','End':true}}},
                  {'StartAt':'B0','States':{'B0':{'Type':'Pass','Next':'B'},
                     'B':{'Type':'Task','Resource':'arn:aws:lambda:eu-west-1:111122223333:function:work','InputPath':'$.b','End':true}}}]}}}""";
        failing.add("b");
        firstRun(definition, "{\"a\":\"a\",\"b\":\"b\"}");
        assertThat(callsFor("a")).isEqualTo(1);
        ExecutionResult r = redrive(definition);
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output()).isEqualTo(Json.parse("[\"done a\",\"done b\"]"));
        assertThat(callsFor("a")).as("the branch that succeeded is not run again").isEqualTo(1);
        assertThat(callsFor("b")).isEqualTo(2);
        assertThat(entered(r, "B0")).as("the failed branch goes on from its failed state").isEqualTo(1);
    }

    @Test
    void aRedrivenInlineMapRunsOnlyItsUnsuccessfulIterations() throws Exception {
        String definition = """
                {'StartAt':'Each','States':{'Each':{'Type':'Map','MaxConcurrency':2,'End':true,
                  'ItemProcessor':{'StartAt':'W','States':{'W':{'Type':'Task',
                     'Resource':'arn:aws:lambda:eu-west-1:111122223333:function:work','End':true}}}}}}""";
        failing.add("3");
        firstRun(definition, "[1,2,3,4,5]");
        int firstCalls = calls.values().stream().mapToInt(AtomicInteger::get).sum();
        ExecutionResult r = redrive(definition);
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output()).isEqualTo(Json.parse("[\"done 1\",\"done 2\",\"done 3\",\"done 4\",\"done 5\"]"));
        int redriveCalls = calls.values().stream().mapToInt(AtomicInteger::get).sum() - firstCalls;
        assertThat(callsFor("3")).isEqualTo(2);
        assertThat(redriveCalls).as("only the iterations that did not succeed ran again").isEqualTo(5 - (firstCalls - 1));
        assertThat(callsFor("1")).isEqualTo(1);
    }

    @Test
    void aRedrivenDistributedMapRedrivesItsMapRunOnlyForFailedAndNotStartedChildren() throws Exception {
        String definition = """
                {'StartAt':'Fan out','States':{'Fan out':{'Type':'Map','MaxConcurrency':1,'Label':'Chunks','End':true,
                  'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'EXPRESS'},
                     'StartAt':'W','States':{'W':{'Type':'Task',
                     'Resource':'arn:aws:lambda:eu-west-1:111122223333:function:work','End':true}}}}}}""";
        failing.add("c");
        ExecutionResult first = firstRun(definition, "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"]");
        assertThat(first.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
        JsonNode failedRun = first.mapRuns().get(0);
        assertThat(failedRun.path("status").asText()).isEqualTo("FAILED");
        assertThat(failedRun.at("/itemCounts/succeeded").asInt()).isEqualTo(2);
        assertThat(failedRun.at("/itemCounts/failed").asInt()).isEqualTo(1);
        assertThat(failedRun.at("/itemCounts/aborted").asInt()).as("never started").isEqualTo(3);
        assertThat(callsFor("d")).isZero();

        ExecutionResult r = redrive(definition);
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output()).isEqualTo(Json.parse("[\"done a\",\"done b\",\"done c\",\"done d\",\"done e\",\"done f\"]"));
        assertThat(List.of(callsFor("a"), callsFor("b"), callsFor("c"), callsFor("d"), callsFor("e"), callsFor("f")))
                .containsExactly(1, 1, 2, 1, 1, 1);
        assertThat(r.mapRuns()).hasSize(1);
        JsonNode run = r.mapRuns().get(0);
        assertThat(run.path("mapRunArn").asText()).as("the same Map Run").isEqualTo(failedRun.path("mapRunArn").asText());
        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.path("redriveCount").asInt()).isEqualTo(1);
        assertThat(run.path("redriveDate").isTextual()).isTrue();
        assertThat(run.at("/itemCounts/succeeded").asInt()).isEqualTo(6);
        assertThat(run.at("/itemCounts/total").asInt()).isEqualTo(6);
        HistoryEvent redriven = r.history().stream().filter(e -> e.type().equals("MapRunRedriven")).findFirst().orElseThrow();
        assertThat(redriven.toJson().path("mapRunRedrivenEventDetails").path("mapRunArn").asText())
                .isEqualTo(run.path("mapRunArn").asText());
        assertThat(redriven.toJson().path("mapRunRedrivenEventDetails").path("redriveCount").asInt()).isEqualTo(1);
        assertThat(r.history()).extracting(HistoryEvent::type).containsSubsequence("ExecutionRedriven", "MapStateEntered",
                "MapStateStarted", "MapRunRedriven", "MapRunSucceeded", "MapStateSucceeded", "MapStateExited",
                "ExecutionSucceeded");
        assertThat(r.history()).filteredOn(e -> e.type().equals("MapRunStarted")).hasSize(1);
    }

    @Test
    void onlyFailedTimedOutOrAbortedStandardExecutionsCanBeRedriven() {
        ExecutionResult ok = engine().execute(AslEngine.load(Json.parse(q("{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}"))),
                new ExecutionRequest(Json.object(), "fine", "machine", "eu-west-1", "111122223333", null, null));
        assertThat(ok.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        ExecutionRecord record = new ExecutionStore(dir).find("fine").orElseThrow();
        assertThatThrownBy(() -> engine().redrive(AslEngine.load(Json.parse(q(
                "{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}"))), record, null))
                .isInstanceOf(ExecutionNotRedrivableException.class)
                .hasMessage("Execution is SUCCEEDED and cannot be redriven");
        ExecutionRecord old = new ExecutionRecord(record.executionArn(), record.name(), record.stateMachineArn(), "FAILED",
                record.startDate(), "2020-01-01T00:00:00.000Z", record.input(), null, "E", null, record.events(),
                record.mapRuns(), "STANDARD", 0, null, record.checkpoint(), null);
        assertThat(AslEngine.notRedrivable(old, java.time.Instant.parse("2024-05-01T00:00:00Z"))).contains("14 days");
    }
}
