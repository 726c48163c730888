package io.sensoretl.asl.retry;

import static io.sensoretl.asl.Engines.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.sensoretl.asl.Engines;
import io.sensoretl.asl.engine.AslEngine;
import io.sensoretl.asl.engine.ExecutionResult;
import io.sensoretl.asl.engine.ExecutionStatus;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryCatchTest {
    private final Engines engines = new Engines();
    private final AtomicInteger calls = new AtomicInteger();

    private void failingTimes(int failures) {
        engines.engine.lambdas().register("flaky", (RequestHandler<Object, Object>) (in, ctx) -> {
            if (calls.incrementAndGet() <= failures) {
                throw new IllegalArgumentException("try again");
            }
            return "ok";
        });
    }

    private static String task(String extra) {
        return q("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:lambda:eu-west-1:111122223333:function:flaky',"
                + extra + ",'End':true}" + (extra.contains("Catch") ? ",'Caught':{'Type':'Pass','End':true}" : "") + "}}");
    }

    @Test
    void aCustomStatesErrorRaisedByAFailStateIsCaughtByName() {
        ExecutionResult r = engines.run(q("""
                {'StartAt':'P','States':{
                  'P':{'Type':'Parallel','Next':'Unreached',
                       'Branches':[{'StartAt':'F','States':{'F':{'Type':'Fail','Error':'States.MyCustomError','Cause':'c'}}}],
                       'Catch':[{'ErrorEquals':['States.MyCustomError'],'ResultPath':'$.caught','Next':'Handled'}]},
                  'Unreached':{'Type':'Fail'},
                  'Handled':{'Type':'Pass','End':true}}}"""), "{}");
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output().path("caught").path("Error").asText()).isEqualTo("States.MyCustomError");
    }

    @Test
    void retriesWithExponentialBackoffOnVirtualTime() {
        failingTimes(2);
        ExecutionResult r = engines.run(task("'Retry':[{'ErrorEquals':['States.ALL'],'IntervalSeconds':2,'BackoffRate':3,"
                + "'MaxAttempts':3}]"), "{}");
        assertThat(r.output().asText()).isEqualTo("ok");
        assertThat(calls).hasValue(3);
        assertThat(engines.time.totalSlept()).isEqualTo(Duration.ofSeconds(2 + 6));
    }

    @Test
    void maxDelaySecondsCapsTheBackoff() {
        failingTimes(3);
        engines.run(task("'Retry':[{'ErrorEquals':['java.lang.IllegalArgumentException'],'IntervalSeconds':4,"
                + "'BackoffRate':10,'MaxDelaySeconds':5,'MaxAttempts':3}]"), "{}");
        assertThat(engines.time.totalSlept()).isEqualTo(Duration.ofSeconds(4 + 5 + 5));
    }

    /** Every draw is a quarter, so each jittered delay is a quarter of the computed one. */
    private static final class Quarter implements RandomGenerator {
        private long next;

        @Override
        public long nextLong() {
            return next++;
        }

        @Override
        public double nextDouble() {
            return 0.25;
        }
    }

    @Test
    void fullJitterScalesEachDelayByTheEnginesRandomDraw() {
        Engines quarter = new Engines(AslEngine.builder(), new Quarter());
        AtomicInteger attempts = new AtomicInteger();
        quarter.engine.lambdas().register("flaky", (RequestHandler<Object, Object>) (in, ctx) -> {
            if (attempts.incrementAndGet() <= 2) {
                throw new IllegalArgumentException("try again");
            }
            return "ok";
        });
        ExecutionResult r = quarter.run(task("'Retry':[{'ErrorEquals':['States.ALL'],'IntervalSeconds':10,"
                + "'JitterStrategy':'FULL'}]"), "{}");
        assertThat(r.output().asText()).isEqualTo("ok");
        // without jitter: 10 s + 20 s; with FULL jitter at 0.25: 2.5 s + 5 s
        assertThat(quarter.time.totalSlept()).isEqualTo(Duration.ofMillis(2_500 + 5_000));
    }

    @Test
    void exhaustedRetrierDoesNotFallThroughToTheNextRetrier() {
        failingTimes(5);
        ExecutionResult r = engines.run(task("'Retry':[{'ErrorEquals':['States.ALL'],'MaxAttempts':1},"
                + "{'ErrorEquals':['States.TaskFailed'],'MaxAttempts':5}]"), "{}");
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(calls).hasValue(2);
    }

    @Test
    void catchPlacesErrorOutputAtResultPathAndMovesOn() {
        failingTimes(5);
        ExecutionResult r = engines.run(task("'Catch':[{'ErrorEquals':['States.TaskFailed'],'ResultPath':'$.err',"
                + "'Next':'Caught'}]"), "{\"in\":1}");
        assertThat(r.output().path("in").asInt()).isEqualTo(1);
        assertThat(r.output().path("err").path("Error").asText()).isEqualTo("java.lang.IllegalArgumentException");
    }

    @Test
    void statesAllDoesNotCatchRuntimeErrors() {
        ExecutionResult r = engines.run(q("{'StartAt':'P','States':{'P':{'Type':'Parallel','Branches':[{'StartAt':'X',"
                + "'States':{'X':{'Type':'Pass','OutputPath':'$.missing','End':true}}}],"
                + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'C'}],'End':true},'C':{'Type':'Pass','End':true}}}"), "{}");
        assertThat(r.error()).isEqualTo("States.Runtime");
    }

    @Test
    void jsonataCatchShapesOutputFromErrorOutput() {
        failingTimes(5);
        ExecutionResult r = engines.run(q("{'QueryLanguage':'JSONata','StartAt':'T','States':{'T':{'Type':'Task',"
                + "'Resource':'arn:aws:lambda:eu-west-1:111122223333:function:flaky','Catch':[{'ErrorEquals':['States.ALL'],"
                + "'Output':{'e':'{% $states.errorOutput.Error %}','in':'{% $states.input.x %}'},'Next':'C'}],'End':true},"
                + "'C':{'Type':'Pass','End':true}}}"), "{\"x\":9}");
        assertThat(r.output().path("e").asText()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(r.output().path("in").asInt()).isEqualTo(9);
    }
}
