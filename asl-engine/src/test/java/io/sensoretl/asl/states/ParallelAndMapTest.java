package io.sensoretl.asl.states;

import static io.sensoretl.asl.Engines.assertJson;
import static io.sensoretl.asl.Engines.json;
import static io.sensoretl.asl.Engines.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.sensoretl.asl.Engines;
import io.sensoretl.asl.engine.AslEngine;
import io.sensoretl.asl.engine.ExecutionResult;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ParallelAndMapTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final Engines engines = new Engines(AslEngine.builder().executor(pool));

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void parallelOutputsAreInBranchOrder() {
        ExecutionResult r = engines.run(q("{'StartAt':'P','States':{'P':{'Type':'Parallel','End':true,'Branches':["
                + "{'StartAt':'A','States':{'A':{'Type':'Pass','Result':'a','End':true}}},"
                + "{'StartAt':'B','States':{'B':{'Type':'Pass','Result':'b','End':true}}}]}}}"), "{}");
        assertJson(r.output(), json("[\"a\",\"b\"]"));
    }

    @Test
    void parallelWaitsOverlapInVirtualTime() {
        ExecutionResult r = engines.run(q("{'TimeoutSeconds':100,'StartAt':'P','States':{'P':{'Type':'Parallel','End':true,"
                + "'Branches':[{'StartAt':'A','States':{'A':{'Type':'Wait','Seconds':60,'End':true}}},"
                + "{'StartAt':'B','States':{'B':{'Type':'Wait','Seconds':60,'End':true}}}]}}}"), "{}");
        assertThat(r.status()).isEqualTo(io.sensoretl.asl.engine.ExecutionStatus.SUCCEEDED);
        assertThat(engines.time.now()).isEqualTo(Engines.START.plusSeconds(60));
    }

    @Test
    void aFailingBranchFailsTheParallelStateWithItsError() {
        ExecutionResult r = engines.run(q("{'StartAt':'P','States':{'P':{'Type':'Parallel','End':true,'Branches':["
                + "{'StartAt':'A','States':{'A':{'Type':'Pass','End':true}}},"
                + "{'StartAt':'B','States':{'B':{'Type':'Fail','Error':'Bad','Cause':'why'}}}]}}}"), "{}");
        assertThat(r.error()).isEqualTo("Bad");
        assertThat(r.cause()).isEqualTo("why");
    }

    @Test
    void itemSelectorSeesTheMapItemIndexAndValue() {
        ExecutionResult r = engines.run(q("{'StartAt':'M','States':{'M':{'Type':'Map','ItemsPath':'$.xs',"
                + "'ItemSelector':{'i.$':'$$.Map.Item.Index','v.$':'$$.Map.Item.Value','k.$':'$.k'},"
                + "'ItemProcessor':{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}},'End':true}}}"),
                q("{'xs':['a','b'],'k':1}"));
        assertJson(r.output(), json(q("[{'i':0,'v':'a','k':1},{'i':1,'v':'b','k':1}]")));
    }

    @Test
    void maxConcurrencyBoundsInFlightIterations() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        engines.engine.lambdas().register("work", (RequestHandler<Object, Object>) (in, ctx) -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return in;
        });
        ExecutionResult r = engines.run(q("{'StartAt':'M','States':{'M':{'Type':'Map','MaxConcurrency':2,"
                + "'ItemProcessor':{'StartAt':'T','States':{'T':{'Type':'Task',"
                + "'Resource':'arn:aws:lambda:eu-west-1:111122223333:function:work','End':true}}},'End':true}}}"),
                "[1,2,3,4,5,6,7,8]");
        assertJson(r.output(), json("[1,2,3,4,5,6,7,8]"));
        assertThat(peak.get()).isBetween(1, 2);
    }

    @Test
    @Timeout(30)
    void nestedMapsOnASmallPoolDoNotDeadlock() {
        ExecutorService tiny = Executors.newFixedThreadPool(1);
        try {
            Engines e = new Engines(AslEngine.builder().executor(tiny));
            ExecutionResult r = e.run(q("{'StartAt':'M','States':{'M':{'Type':'Map','ItemProcessor':{'StartAt':'N',"
                    + "'States':{'N':{'Type':'Map','ItemProcessor':{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}},"
                    + "'End':true}}},'End':true}}}"), "[[1,2],[3,4],[5]]");
            assertJson(r.output(), json("[[1,2],[3,4],[5]]"));
        } finally {
            tiny.shutdownNow();
        }
    }

    @Test
    void distributedMapToleratesFailuresUpToTheCount() {
        String def = q("{'StartAt':'M','States':{'M':{'Type':'Map','ToleratedFailureCount':1,'ItemProcessor':{"
                + "'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'C','States':{'C':{"
                + "'Type':'Choice','Choices':[{'Variable':'$','NumericEquals':0,'Next':'F'}],'Default':'OK'},"
                + "'F':{'Type':'Fail','Error':'Zero'},'OK':{'Type':'Pass','End':true}}},'End':true}}}");
        ExecutionResult tolerated = engines.run(def, "[1,0,2]");
        assertThat(tolerated.output().get(0).asInt()).isEqualTo(1);
        assertThat(tolerated.output().get(1).path("Error").asText()).isEqualTo("Zero");
        assertThat(tolerated.mapRuns()).hasSize(1);
        assertThat(tolerated.mapRuns().get(0).path("itemCounts").path("failed").asInt()).isEqualTo(1);
        ExecutionResult exceeded = engines.run(def, "[0,0,2]");
        assertThat(exceeded.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    }

    @Test
    void mapInputThatIsNotAnArrayFailsNamingTheValue() {
        ExecutionResult r = engines.run(q("{'StartAt':'M','States':{'M':{'Type':'Map','ItemProcessor':{'StartAt':'P',"
                + "'States':{'P':{'Type':'Pass','End':true}}},'End':true}}}"), "{\"a\":1}");
        assertThat(r.cause()).endsWith("Map state input must be an array but was: {\"a\":1}");
    }
}
