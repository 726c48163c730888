package io.sensoretl.lambda.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LocalContextTest {
    private static final Instant T0 = Instant.parse("2026-12-04T05:00:00Z");

    @Test
    void remainingTimeCountsDownOnTheGivenClockAndStopsAtZero() {
        AtomicReference<Instant> now = new AtomicReference<>(T0);
        LocalContext context = new LocalContext("req-1", "fn", "arn:aws:lambda:eu-west-1:111122223333:function:fn",
                T0.plusSeconds(30), now::get, 512);

        assertThat(context.getRemainingTimeInMillis()).isEqualTo(30_000);
        now.set(T0.plusMillis(12_345));
        assertThat(context.getRemainingTimeInMillis()).isEqualTo(17_655);
        now.set(T0.plusSeconds(31));
        assertThat(context.getRemainingTimeInMillis()).isZero();
    }

    @Test
    void aDeadlineBeyondIntRangeReportsIntMaxRatherThanOverflowing() {
        LocalContext context = new LocalContext("req-1", "fn", "arn", T0.plus(Duration.ofDays(30)), () -> T0, 128);
        assertThat(context.getRemainingTimeInMillis()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void namesTheFunctionItsLogGroupAndStreamAsLambdaDoes() {
        LocalContext context = new LocalContext("fn", "9b1f-42");
        assertThat(context.getAwsRequestId()).isEqualTo("9b1f-42");
        assertThat(context.getFunctionName()).isEqualTo("fn");
        assertThat(context.getFunctionVersion()).isEqualTo("$LATEST");
        assertThat(context.getInvokedFunctionArn()).isEqualTo("arn:aws:lambda:local:000000000000:function:fn");
        assertThat(context.getLogGroupName()).isEqualTo("/aws/lambda/fn");
        assertThat(context.getLogStreamName()).isEqualTo("local/[$LATEST]9b1f42");
    }

    @Test
    void withoutADeadlineAnInvocationHasLambdasLongestTimeoutOnTheSystemClock() {
        int remaining = new LocalContext("fn").getRemainingTimeInMillis();
        assertThat(remaining).isBetween((int) LocalContext.MAX_TIMEOUT.toMillis() - 60_000,
                (int) LocalContext.MAX_TIMEOUT.toMillis());
    }
}
