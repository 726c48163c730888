package io.sensoretl.asl.engine;

import static io.sensoretl.asl.Engines.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.sensoretl.asl.Engines;
import io.sensoretl.asl.history.ExecutionRecord;
import io.sensoretl.asl.history.ExecutionStore;
import io.sensoretl.asl.history.HistoryEvent;
import io.sensoretl.asl.json.Json;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** StopExecution on the engine: the execution ends ABORTED at once, saved as such, and nothing runs after it. */
class StopExecutionTest {
    private static final String ARN = "arn:aws:states:eu-west-1:111122223333:execution:machine-1:exec-1";
    /** A task that blocks until interrupted, under a Retry and a Catch that match everything. */
    private static final String BLOCKING = q("{'StartAt':'Work','States':{"
            + "'Work':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Parameters':{'FunctionName':'block','Payload':{}},"
            + "'Retry':[{'ErrorEquals':['States.ALL'],'MaxAttempts':3,'IntervalSeconds':1}],"
            + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'Cleanup'}],'Next':'Done'},"
            + "'Cleanup':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Parameters':{'FunctionName':'cleanup','Payload':{}},'End':true},"
            + "'Done':{'Type':'Succeed'}}}");

    @TempDir
    Path dir;

    private final ExecutorService caller = Executors.newSingleThreadExecutor();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final AtomicInteger blockCalls = new AtomicInteger();
    private final AtomicInteger cleanupCalls = new AtomicInteger();
    private final AtomicInteger interrupted = new AtomicInteger();

    @AfterEach
    void stopCaller() {
        caller.shutdownNow();
    }

    private Engines engines(ExecutorService pool) {
        Engines engines = new Engines(AslEngine.builder().store(new ExecutionStore(dir)).executor(pool));
        engines.engine.lambdas().register("block", (RequestHandler<Object, Object>) (in, ctx) -> {
            blockCalls.incrementAndGet();
            entered.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw new IllegalStateException("interrupted while working", e);
            }
            return in;
        });
        engines.engine.lambdas().register("cleanup", (RequestHandler<Object, Object>) (in, ctx) -> {
            cleanupCalls.incrementAndGet();
            return in;
        });
        return engines;
    }

    @Test
    void aRunningExecutionIsSavedRunningAndAStopEndsItAbortedWithoutRetryOrCatch() throws Exception {
        Engines engines = engines(null);
        Future<ExecutionResult> running = caller.submit(() -> engines.run(BLOCKING, "{\"x\":1}"));
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

        ExecutionRecord whileRunning = new ExecutionStore(dir).find(ARN).orElseThrow();
        assertThat(whileRunning.status()).isEqualTo("RUNNING");
        assertThat(whileRunning.stopDate()).isNull();
        assertThat(whileRunning.events()).extracting(HistoryEvent::type).startsWith("ExecutionStarted");

        assertThat(engines.engine.stop(ARN, "Interrupted", "SIGTERM")).isTrue();
        ExecutionResult result = running.get(30, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(result.error()).isEqualTo("Interrupted");
        assertThat(result.cause()).isEqualTo("SIGTERM");
        assertThat(interrupted.get()).as("the task's thread was interrupted").isEqualTo(1);
        assertThat(blockCalls.get()).as("no retry after the stop").isEqualTo(1);
        assertThat(cleanupCalls.get()).as("no Catch after the stop").isZero();
        HistoryEvent last = result.history().get(result.history().size() - 1);
        assertThat(last.type()).isEqualTo("ExecutionAborted");
        assertThat(last.toJson().path("executionAbortedEventDetails").path("cause").asText()).isEqualTo("SIGTERM");
        assertThat(result.history()).extracting(HistoryEvent::type).doesNotContain("TaskFailed", "ExecutionFailed");

        ExecutionRecord saved = new ExecutionStore(dir).find(ARN).orElseThrow();
        assertThat(saved.status()).isEqualTo("ABORTED");
        assertThat(saved.stopDate()).isNotNull();
        assertThat(saved.events()).extracting(HistoryEvent::type).endsWith("ExecutionAborted");
        assertThat(Thread.interrupted()).as("the test thread is not left interrupted").isFalse();
    }

    @Test
    void stoppingAMapStopsItsIterationsAndStartsNoMore() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Engines engines = engines(pool);
            String map = q("{'StartAt':'Each','States':{'Each':{'Type':'Map','MaxConcurrency':2,'ItemsPath':'$.items',"
                    + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'EXPRESS'},'StartAt':'Work','States':{"
                    + "'Work':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Parameters':{'FunctionName':'block','Payload':{}},'End':true}}},"
                    + "'End':true}}}");
            Future<ExecutionResult> running = caller.submit(() -> engines.run(map, "{\"items\":[1,2,3,4,5,6,7,8]}"));
            assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

            assertThat(engines.engine.stop(ARN, null, null)).isTrue();
            ExecutionResult result = running.get(30, TimeUnit.SECONDS);

            assertThat(result.status()).isEqualTo(ExecutionStatus.ABORTED);
            assertThat(blockCalls.get()).as("iterations started: at most the two in flight").isBetween(1, 2);
            assertThat(result.history()).extracting(HistoryEvent::type).endsWith("ExecutionAborted");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExecutionThatIsNotRunningCannotBeStopped() {
        Engines engines = engines(null);
        assertThat(engines.engine.stop(ARN, null, null)).isFalse();
        ExecutionResult done = engines.run(q("{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}"), "{}");
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(engines.engine.stop(ARN, null, null)).as("it ended").isFalse();
        assertThat(new ExecutionStore(dir).find(ARN).orElseThrow().status()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aRecordLeftRunningByADeadProcessCanBeClosedAsAborted() {
        Engines engines = engines(null);
        ExecutionResult done = engines.run(q("{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}"), "{}");
        ExecutionRecord saved = new ExecutionStore(dir).find(ARN).orElseThrow();
        ExecutionRecord leftRunning = new ExecutionRecord(saved.executionArn(), saved.name(), saved.stateMachineArn(), "RUNNING",
                saved.startDate(), null, saved.input(), null, null, null, saved.events().subList(0, 2), List.of());

        ExecutionRecord aborted = leftRunning.aborted(Instant.parse("2024-05-01T11:00:00Z"), "States.Runtime",
                "the process running it ended");
        new ExecutionStore(dir).save(aborted);

        ExecutionRecord read = new ExecutionStore(dir).find(ARN).orElseThrow();
        assertThat(read.status()).isEqualTo("ABORTED");
        assertThat(read.stopDate()).isEqualTo("2024-05-01T11:00:00.000Z");
        assertThat(read.output()).isNull();
        assertThat(read.events()).hasSize(3);
        HistoryEvent last = read.events().get(2);
        assertThat(last.type()).isEqualTo("ExecutionAborted");
        assertThat(last.id()).isEqualTo(3);
        assertThat(last.previousEventId()).isEqualTo(2);
        assertThat(Json.write(last.details())).contains("the process running it ended");
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }
}
