package io.sensoretl.asl.task;

import static io.sensoretl.asl.Engines.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.sensoretl.asl.Engines;
import io.sensoretl.asl.engine.AslEngine;
import io.sensoretl.asl.engine.Execution;
import io.sensoretl.asl.engine.ExecutionRequest;
import io.sensoretl.asl.engine.ExecutionResult;
import io.sensoretl.asl.engine.ExecutionStatus;
import io.sensoretl.asl.errors.TaskTokenException;
import io.sensoretl.asl.history.HistoryEvent;
import io.sensoretl.asl.json.Json;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Callback tasks (.waitForTaskToken): $$.Task.Token reaches the resource, the task waits for SendTaskSuccess or
 * SendTaskFailure, and HeartbeatSeconds / TimeoutSeconds fire on the engine's clock (virtual here: the test moves it).
 */
class CallbackTaskTest {
    private final Engines engines = new Engines();
    private final BlockingQueue<String> tokens = new LinkedBlockingQueue<>();

    CallbackTaskTest() {
        engines.engine.lambdas().register("worker", (RequestHandler<Map<String, Object>, Object>) (in, ctx) -> {
            tokens.add((String) in.get("token"));
            return Map.of("accepted", true);
        });
    }

    private Execution start(String extra) {
        String definition = q("{'StartAt':'Work','States':{"
                + "'Work':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke.waitForTaskToken',"
                + "'Parameters':{'FunctionName':'worker','Payload':{'token.$':'$$.Task.Token','job.$':'$.job'}}" + extra
                + ",'End':true}" + (extra.contains("Catch") ? ",'Failed':{'Type':'Pass','End':true}" : "") + "}}");
        return engines.engine.start(AslEngine.load(Json.parse(definition)),
                new ExecutionRequest(Json.parse("{\"job\":7}"), "cb", "machine", "eu-west-1", "111122223333", null, null));
    }

    private String token() throws InterruptedException {
        String token = tokens.poll(10, TimeUnit.SECONDS);
        assertThat(token).as("the function received $$.Task.Token").isNotNull().startsWith("AQ");
        return token;
    }

    private static void waitUntilSubmitted(Execution e) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (e.record().events().stream().noneMatch(ev -> ev.type().equals("TaskSubmitted"))) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(2);
        }
    }

    @Test
    void sendTaskSuccessCompletesTheTaskWithItsOutput() throws Exception {
        Execution e = start("");
        String token = token();
        waitUntilSubmitted(e);
        Thread.sleep(30);
        assertThat(e.status()).as("it really waits").isEqualTo(ExecutionStatus.RUNNING);
        engines.engine.sendTaskSuccess(token, Json.parse("{\"done\":true}"));
        ExecutionResult r = e.await(Duration.ofSeconds(10));
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output()).isEqualTo(Json.parse("{\"done\":true}"));
        assertThat(r.history()).extracting(HistoryEvent::type).containsSubsequence("TaskScheduled", "TaskStarted",
                "TaskSubmitted", "TaskSucceeded", "TaskStateExited");
        var submitted = r.history().stream().filter(ev -> ev.type().equals("TaskSubmitted")).findFirst().orElseThrow();
        assertThat(submitted.toJson().path("taskSubmittedEventDetails").path("output").asText()).contains("\"accepted\":true");
        assertThatThrownBy(() -> engines.engine.sendTaskSuccess(token, Json.object()))
                .isInstanceOfSatisfying(TaskTokenException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(TaskTokenException.Reason.TIMED_OUT));
    }

    @Test
    void sendTaskFailureFailsTheTaskAndACatchSeesTheError() throws Exception {
        Execution e = start(",'Catch':[{'ErrorEquals':['Job.Rejected'],'Next':'Failed'}]");
        engines.engine.sendTaskFailure(token(), "Job.Rejected", "bad input");
        ExecutionResult r = e.await(Duration.ofSeconds(10));
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output()).isEqualTo(Json.parse("{\"Error\":\"Job.Rejected\",\"Cause\":\"bad input\"}"));
        assertThat(r.history()).extracting(HistoryEvent::type).contains("TaskFailed");
    }

    @Test
    void heartbeatsKeepTheTaskAliveAndAMissedOneFailsItWithHeartbeatTimeout() throws Exception {
        Execution e = start(",'HeartbeatSeconds':60,'TimeoutSeconds':600");
        String token = token();
        waitUntilSubmitted(e);
        engines.time.advance(Duration.ofSeconds(50));
        engines.engine.sendTaskHeartbeat(token);
        engines.time.advance(Duration.ofSeconds(50));
        Thread.sleep(50);
        assertThat(e.status()).as("100 s in, but the heartbeat at 50 s keeps it alive").isEqualTo(ExecutionStatus.RUNNING);
        engines.time.advance(Duration.ofSeconds(11));
        ExecutionResult r = e.await(Duration.ofSeconds(10));
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.HeartbeatTimeout");
        HistoryEvent timedOut = r.history().stream().filter(ev -> ev.type().equals("TaskTimedOut")).findFirst().orElseThrow();
        assertThat(timedOut.toJson().path("taskTimedOutEventDetails").path("error").asText()).isEqualTo("States.HeartbeatTimeout");
        assertThat(timedOut.timestamp()).isEqualTo(Engines.START.plusSeconds(111));
        assertThatThrownBy(() -> engines.engine.sendTaskHeartbeat(token)).isInstanceOf(TaskTokenException.class);
    }

    @Test
    void timeoutSecondsEndsTheWaitEvenWithHeartbeats() throws Exception {
        Execution e = start(",'HeartbeatSeconds':60,'TimeoutSeconds':120");
        String token = token();
        waitUntilSubmitted(e);
        for (int i = 0; i < 2; i++) {
            engines.time.advance(Duration.ofSeconds(45));
            engines.engine.sendTaskHeartbeat(token);
        }
        engines.time.advance(Duration.ofSeconds(40));
        ExecutionResult r = e.await(Duration.ofSeconds(10));
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.Timeout");
    }

    @Test
    void tokensAreCheckedLikeStepFunctionsChecksThem() {
        assertThatThrownBy(() -> engines.engine.sendTaskSuccess("not-a-token", Json.object()))
                .isInstanceOfSatisfying(TaskTokenException.class, ex -> {
                    assertThat(ex.reason()).isEqualTo(TaskTokenException.Reason.INVALID);
                    assertThat(ex.reason().code()).isEqualTo("InvalidToken");
                });
        String wellFormed = "AQ" + "A".repeat(64);
        assertThatThrownBy(() -> engines.engine.sendTaskHeartbeat(wellFormed))
                .isInstanceOfSatisfying(TaskTokenException.class,
                        ex -> assertThat(ex.reason().code()).isEqualTo("TaskDoesNotExist"));
    }
}
