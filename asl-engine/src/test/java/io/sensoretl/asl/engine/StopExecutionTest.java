package io.sensoretl.asl.engine;

import static io.sensoretl.asl.Engines.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.sensoretl.asl.Engines;
import io.sensoretl.asl.history.ExecutionRecord;
import io.sensoretl.asl.history.ExecutionStore;
import io.sensoretl.asl.history.HistoryEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    private final CountDownLatch entered = new CountDownLatch(1);
    private final AtomicInteger blockCalls = new AtomicInteger();
    private final AtomicInteger cleanupCalls = new AtomicInteger();
    private final AtomicInteger interrupted = new AtomicInteger();
    private final CountDownLatch interruptedOnce = new CountDownLatch(1);

    private Engines engines(ExecutorService pool) {
        Engines engines = new Engines(AslEngine.builder().store(new ExecutionStore(dir)).executor(pool));
        engines.engine.lambdas().register("block", (RequestHandler<Object, Object>) (in, ctx) -> {
            blockCalls.incrementAndGet();
            entered.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                interruptedOnce.countDown();
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
        Execution execution = engines.start(BLOCKING, "{\"x\":1}");
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

        ExecutionRecord whileRunning = new ExecutionStore(dir).find(ARN).orElseThrow();
        assertThat(whileRunning.status()).isEqualTo("RUNNING");
        assertThat(whileRunning.stopDate()).isNull();
        assertThat(whileRunning.events()).extracting(HistoryEvent::type).startsWith("ExecutionStarted");

        assertThat(execution.stop("Interrupted", "SIGTERM")).isTrue();
        ExecutionResult result = execution.await(Duration.ofSeconds(30));
        assertThat(interruptedOnce.await(30, TimeUnit.SECONDS)).as("the task's thread was interrupted").isTrue();

        assertThat(result.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(result.error()).isEqualTo("Interrupted");
        assertThat(result.cause()).isEqualTo("SIGTERM");
        assertThat(interrupted.get()).as("interrupted once").isEqualTo(1);
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
            Execution execution = engines.start(map, "{\"items\":[1,2,3,4,5,6,7,8]}");
            assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

            assertThat(execution.stop(null, null)).isTrue();
            ExecutionResult result = execution.await(Duration.ofSeconds(30));
            assertThat(interruptedOnce.await(30, TimeUnit.SECONDS)).as("running iterations are interrupted").isTrue();
            Thread.sleep(200);

            assertThat(result.status()).isEqualTo(ExecutionStatus.ABORTED);
            assertThat(blockCalls.get()).as("iterations started: at most the two in flight").isBetween(1, 2);
            assertThat(result.history()).extracting(HistoryEvent::type).endsWith("ExecutionAborted");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void stoppingTheParentEndsARunningStandardChildAbortedInItsOwnHistory() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Engines engines = engines(pool);
            String map = q("{'StartAt':'Each','States':{'Each':{'Type':'Map','MaxConcurrency':1,'ItemsPath':'$.items',"
                    + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'Work','States':{"
                    + "'Work':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Parameters':{'FunctionName':'block','Payload':{}},'End':true}}},"
                    + "'End':true}}}");
            Execution execution = engines.start(map, "{\"items\":[1,2]}");
            assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
            ExecutionStore children = new ExecutionStore(dir).children("exec-1");
            assertThat(children.list()).hasSize(1);
            String child = children.list().get(0);
            assertThat(children.find(child).orElseThrow().status()).as("saved as it starts").isEqualTo("RUNNING");

            assertThat(execution.stop(null, null)).isTrue();
            assertThat(execution.await(Duration.ofSeconds(30)).status()).isEqualTo(ExecutionStatus.ABORTED);
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (children.find(child).orElseThrow().running() && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            ExecutionRecord aborted = children.find(child).orElseThrow();
            assertThat(aborted.status()).isEqualTo("ABORTED");
            assertThat(aborted.stopDate()).isNotNull();
            assertThat(aborted.owner()).isNull();
            assertThat(aborted.events()).extracting(HistoryEvent::type).startsWith("ExecutionStarted")
                    .endsWith("ExecutionAborted").doesNotContain("ExecutionFailed");
            assertThat(children.list()).as("the second item never started").hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExecutionThatEndedCannotBeStopped() throws Exception {
        Engines engines = engines(null);
        Execution done = engines.start(q("{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}"), "{}");
        assertThat(done.await(Duration.ofSeconds(30)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.stop(null, null)).as("it ended").isFalse();
        assertThat(new ExecutionStore(dir).find(ARN).orElseThrow().status()).isEqualTo("SUCCEEDED");
    }
}
