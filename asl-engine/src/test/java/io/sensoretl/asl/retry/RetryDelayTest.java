package io.sensoretl.asl.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.asl.definition.JitterStrategy;
import io.sensoretl.asl.definition.Retrier;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryDelayTest {
    private static Retrier retrier(double interval, double backoff, Long maxDelay, JitterStrategy jitter) {
        return new Retrier(List.of("States.ALL"), interval, 3, backoff, maxDelay, jitter);
    }

    @Test
    void withoutJitterTheDelayIsIntervalTimesBackoffToTheAttemptCappedByMaxDelay() {
        Retrier r = retrier(2, 3, 10L, JitterStrategy.NONE);
        SplittableRandom unused = new SplittableRandom(1);
        assertThat(RetryDelay.of(r, 0, unused)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryDelay.of(r, 1, unused)).isEqualTo(Duration.ofSeconds(6));
        assertThat(RetryDelay.of(r, 2, unused)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void fullJitterDrawsEachDelayUniformlyBelowTheComputedOneFromTheSeededRandom() {
        Retrier r = retrier(10, 2, null, JitterStrategy.FULL);
        SplittableRandom engine = new SplittableRandom(42);
        SplittableRandom expected = new SplittableRandom(42);
        for (int attempt = 0; attempt < 3; attempt++) {
            double computed = 10 * Math.pow(2, attempt);
            long millis = Math.round(expected.nextDouble() * computed * 1000);
            Duration delay = RetryDelay.of(r, attempt, engine);
            assertThat(delay).as("attempt %d", attempt).isEqualTo(Duration.ofMillis(millis))
                    .isLessThan(Duration.ofMillis((long) (computed * 1000)));
        }
    }

    @Test
    void fullJitterAppliesAfterTheMaxDelayCap() {
        Retrier r = retrier(4, 10, 5L, JitterStrategy.FULL);
        double fraction = new SplittableRandom(7).nextDouble();
        assertThat(RetryDelay.of(r, 2, new SplittableRandom(7))).isEqualTo(Duration.ofMillis(Math.round(fraction * 5000)));
    }
}
