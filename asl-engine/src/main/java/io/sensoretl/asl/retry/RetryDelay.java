package io.sensoretl.asl.retry;

import io.sensoretl.asl.definition.JitterStrategy;
import io.sensoretl.asl.definition.Retrier;
import java.time.Duration;
import java.util.random.RandomGenerator;

/** IntervalSeconds x BackoffRate^attempt, capped by MaxDelaySeconds, optionally FULL-jittered. */
final class RetryDelay {
    private RetryDelay() {}

    public static Duration of(Retrier retrier, int attempt, RandomGenerator random) {
        double seconds = retrier.intervalSeconds() * Math.pow(retrier.backoffRate(), attempt);
        if (retrier.maxDelaySeconds() != null) {
            seconds = Math.min(seconds, retrier.maxDelaySeconds());
        }
        if (retrier.jitterStrategy() == JitterStrategy.FULL) {
            seconds = random.nextDouble() * seconds;
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
