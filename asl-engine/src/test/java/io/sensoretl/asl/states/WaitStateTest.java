package io.sensoretl.asl.states;

import static io.sensoretl.asl.Engines.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.asl.Engines;
import io.sensoretl.asl.engine.ExecutionResult;
import io.sensoretl.asl.engine.ExecutionStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaitStateTest {
    private final Engines engines = new Engines();

    @Test
    void secondsAdvanceTheInjectedClockWithoutRealSleeping() {
        long before = System.nanoTime();
        ExecutionResult r = engines.run(q("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':3600,'End':true}}}"), "{}");
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(engines.time.totalSlept()).isEqualTo(Duration.ofHours(1));
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void timestampPathWaitsUntilThatInstant() {
        engines.run(q("{'StartAt':'W','States':{'W':{'Type':'Wait','TimestampPath':'$.t','End':true}}}"),
                q("{'t':'2024-05-01T10:05:00Z'}"));
        assertThat(engines.time.totalSlept()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void invalidTimestampPathIsARuntimeErrorQuotingTheValue() {
        ExecutionResult r = engines.run(q("{'StartAt':'W','States':{'W':{'Type':'Wait','TimestampPath':'$.t','End':true}}}"),
                q("{'t':'2016-13-05T21:29:29Z'}"));
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).endsWith("format string: $.t == 2016-13-05T21:29:29Z");
    }

    @Test
    void negativeSecondsPathIsRejected() {
        ExecutionResult r = engines.run(q("{'StartAt':'W','States':{'W':{'Type':'Wait','SecondsPath':'$.s','End':true}}}"),
                q("{'s':-1}"));
        assertThat(r.cause()).endsWith("The SecondsPath parameter references a negative value: $.s == -1");
    }

    @Test
    void anEndlessLoopStopsAtTheHistoryLimit() {
        ExecutionResult r = engines.run(q("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':1,'Next':'W'}}}"), "{}");
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).contains("25000");
    }

    @Test
    void machineTimeoutSecondsEndsTheExecutionTimedOut() {
        ExecutionResult r = engines.run(q("{'TimeoutSeconds':10,'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':60,"
                + "'Next':'P'},'P':{'Type':'Pass','End':true}}}"), "{}");
        assertThat(r.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(r.error()).isEqualTo("States.Timeout");
    }
}
