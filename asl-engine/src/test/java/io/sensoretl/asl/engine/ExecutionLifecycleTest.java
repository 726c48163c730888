package io.sensoretl.asl.engine;

import static io.sensoretl.asl.Engines.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.Engines;
import io.sensoretl.asl.errors.TaskTokenException;
import io.sensoretl.asl.history.ExecutionRecord;
import io.sensoretl.asl.history.ExecutionStore;
import io.sensoretl.asl.history.HistoryEvent;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.time.SystemTimeSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting an execution in the background, watching it run, stopping it, and EXPRESS executions. */
class ExecutionLifecycleTest {
    @TempDir
    Path dir;

    private static final String CALLBACK = q("""
            {'StartAt':'Ask','States':{
              'Ask':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke.waitForTaskToken',
                     'Parameters':{'FunctionName':'ask','Payload':{'token.$':'$$.Task.Token'}},'Next':'Done'},
              'Done':{'Type':'Pass','End':true}}}""");

    private static ExecutionRequest request(String name) {
        return new ExecutionRequest(Json.object(), name, "machine", "eu-west-1", "111122223333", null, null);
    }

    /** A function that hands the token it is given to the test. */
    private static BlockingQueue<String> tokensOf(AslEngine engine) {
        BlockingQueue<String> tokens = new LinkedBlockingQueue<>();
        engine.lambdas().register("ask", (RequestHandler<java.util.Map<String, Object>, Object>) (in, ctx) -> {
            tokens.add((String) in.get("token"));
            return "asked";
        });
        return tokens;
    }

    @Test
    void aStartedExecutionRunsInTheBackgroundAndIsSavedWhileItRuns() throws Exception {
        ExecutionStore store = new ExecutionStore(dir);
        AslEngine engine = AslEngine.builder().store(store).build();
        BlockingQueue<String> tokens = tokensOf(engine);
        Execution execution = engine.start(AslEngine.load(Json.parse(CALLBACK)), request("e1"));
        String token = tokens.poll(10, TimeUnit.SECONDS);
        assertThat(token).isNotNull();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (execution.record().events().stream().noneMatch(e -> e.type().equals("TaskSubmitted"))) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(2);
        }
        assertThat(execution.status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(execution.record().events()).extracting(HistoryEvent::type).endsWith("TaskSubmitted");
        ExecutionRecord saved = store.find("e1").orElseThrow();
        assertThat(saved.status()).isEqualTo("RUNNING");
        assertThat(saved.stopDate()).isNull();
        assertThat(saved.ownerAlive()).as("this process runs it").isTrue();

        engine.sendTaskSuccess(token, Json.parse("{\"answer\":42}"));
        ExecutionResult result = execution.await(Duration.ofSeconds(10));
        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output()).isEqualTo(Json.parse("{\"answer\":42}"));
        assertThat(store.find("e1").orElseThrow().status()).isEqualTo("SUCCEEDED");
    }

    @Test
    void stopEndsARunningExecutionAbortedAtOnceAndLateAnswersAreRefused() throws Exception {
        ExecutionStore store = new ExecutionStore(dir);
        AslEngine engine = AslEngine.builder().store(store).build();
        BlockingQueue<String> tokens = tokensOf(engine);
        Execution execution = engine.start(AslEngine.load(Json.parse(CALLBACK)), request("e2"));
        String token = tokens.poll(10, TimeUnit.SECONDS);

        assertThat(execution.stop("Operator.Cancelled", "not needed any more")).isTrue();
        assertThat(execution.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(execution.stop("again", null)).as("only once").isFalse();
        ExecutionResult result = execution.await(Duration.ofSeconds(10));
        assertThat(result.status()).isEqualTo(ExecutionStatus.ABORTED);
        HistoryEvent last = result.history().get(result.history().size() - 1);
        assertThat(last.type()).isEqualTo("ExecutionAborted");
        assertThat(last.toJson().path("executionAbortedEventDetails").path("error").asText()).isEqualTo("Operator.Cancelled");
        assertThat(store.find("e2").orElseThrow().status()).isEqualTo("ABORTED");
        assertThat(store.find("e2").orElseThrow().error()).isEqualTo("Operator.Cancelled");

        assertThatThrownBy(() -> engine.sendTaskSuccess(token, Json.object()))
                .isInstanceOfSatisfying(TaskTokenException.class,
                        e -> assertThat(e.reason()).isEqualTo(TaskTokenException.Reason.TIMED_OUT));
        Thread.sleep(100);
        assertThat(execution.record().events()).as("nothing is recorded after the stop").hasSize(result.history().size());
    }

    @Test
    void stopWakesAnExecutionSleepingInAWaitStateOnRealTime() throws Exception {
        AslEngine engine = AslEngine.builder().time(new SystemTimeSource()).build();
        Execution execution = engine.start(AslEngine.load(Json.parse(q(
                "{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':3600,'Next':'After'},'After':{'Type':'Pass','End':true}}}"))),
                request("sleeper"));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (execution.record().events().stream().noneMatch(e -> e.type().equals("WaitStateEntered"))) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(5);
        }
        long start = System.nanoTime();
        execution.stop(null, null);
        execution.await(Duration.ofSeconds(10));
        Thread.sleep(100);
        assertThat(execution.record().events()).extracting(HistoryEvent::type)
                .containsExactly("ExecutionStarted", "WaitStateEntered", "ExecutionAborted");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aRecordWhoseProcessDiedIsEndedAbortedAndCanBeFound() throws Exception {
        ExecutionStore store = new ExecutionStore(dir);
        AslEngine engine = AslEngine.builder().store(store).build();
        BlockingQueue<String> tokens = tokensOf(engine);
        engine.start(AslEngine.load(Json.parse(CALLBACK)), request("e3"));
        tokens.poll(10, TimeUnit.SECONDS);
        ExecutionRecord running = store.find("e3").orElseThrow();
        assertThat(store.orphaned()).as("its process is alive").isEmpty();

        ExecutionRecord dead = new ExecutionRecord(running.executionArn(), running.name(), running.stateMachineArn(),
                running.status(), running.startDate(), null, running.input(), null, null, null, running.events(),
                running.mapRuns(), running.type(), 0, null, running.checkpoint(), "999999999@2001-01-01T00:00:00Z");
        store.save(dead);
        assertThat(store.orphaned()).extracting(ExecutionRecord::name).containsExactly("e3");
        ExecutionRecord aborted = dead.aborted(Instant.parse("2024-05-01T12:00:00Z"), "Local.ProcessEnded", "it died");
        assertThat(aborted.status()).isEqualTo("ABORTED");
        assertThat(aborted.stopDate()).isEqualTo("2024-05-01T12:00:00.000Z");
        assertThat(aborted.events().get(aborted.events().size() - 1).type()).isEqualTo("ExecutionAborted");
        assertThat(AslEngine.notRedrivable(aborted, Instant.parse("2024-05-02T00:00:00Z"))).isNull();
    }

    @Test
    void expressExecutionsHaveExpressArnsAndNoRedriveFieldsInTheirContext() {
        Engines engines = new Engines();
        ExecutionResult r = engines.engine.execute(AslEngine.load(Json.parse(q(
                "{'StartAt':'P','States':{'P':{'Type':'Pass','Parameters':{'ctx.$':'$$.Execution'},'End':true}}}"))),
                request("fast").withType(StateMachineType.EXPRESS));
        assertThat(r.executionArn()).startsWith("arn:aws:states:eu-west-1:111122223333:express:machine:fast:");
        JsonNode ctx = r.output().path("ctx");
        assertThat(ctx.path("Id").asText()).isEqualTo(r.executionArn());
        assertThat(ctx.has("RedriveCount")).isFalse();

        ExecutionResult standard = engines.engine.execute(AslEngine.load(Json.parse(q(
                "{'StartAt':'P','States':{'P':{'Type':'Pass','Parameters':{'ctx.$':'$$.Execution'},'End':true}}}"))),
                request("slow"));
        assertThat(standard.executionArn()).isEqualTo("arn:aws:states:eu-west-1:111122223333:execution:machine:slow");
        assertThat(standard.output().path("ctx").path("RedriveCount").asInt(-1)).isZero();
    }
}
