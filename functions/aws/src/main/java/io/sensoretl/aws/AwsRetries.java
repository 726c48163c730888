package io.sensoretl.aws;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The one in-process retry policy of the functions: the AWS SDK v2 standard retry strategy (AWS's
 * retryable errors: throttling, 5xx, timeouts, connection failures; a client-wide retry quota that
 * stops retrying when most calls fail), with a few attempts and short, capped, fully jittered waits.
 * Nothing in the code retries around an SDK call: a call that still fails after these attempts
 * fails the invocation, and the state machine's {@code Retry} (seconds to minutes apart, see
 * docs/workflow.md) is the second and last layer.
 *
 * <p>Standard rather than adaptive: adaptive mode adds a client-side rate limiter that suits one
 * client hammering one resource; here many Lambda instances share a table, and the state machine
 * already spaces out whole retries.
 *
 * <p>The worst case of one SDK call, all attempts failing slowly: {@link #worstCaseCall(Duration)}.
 *
 * @param maxAttempts        attempts per call, the first one included
 * @param baseDelay          full-jitter window before the first retry of a transient error; doubles per retry
 * @param throttledBaseDelay the same for a throttling error
 * @param maxDelay           cap of any one window
 * @param jitter             the fraction of the window waited, in [0, 1) (injected: tests pick 0 or the maximum)
 */
public record AwsRetries(int maxAttempts, Duration baseDelay, Duration throttledBaseDelay, Duration maxDelay,
                         DoubleSupplier jitter) {
    /** The production policy (docs/workflow.md, "Retries"). */
    public static final AwsRetries STANDARD = new AwsRetries(3, Duration.ofMillis(100), Duration.ofSeconds(1),
            Duration.ofSeconds(5), () -> ThreadLocalRandom.current().nextDouble());

    public AwsRetries {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1, got " + maxAttempts);
        }
    }

    /** The same policy with another source of jitter (tests: 0 waits nothing, {@code 1 - ulp} the whole window). */
    public AwsRetries withJitter(DoubleSupplier jitter) {
        return new AwsRetries(maxAttempts, baseDelay, throttledBaseDelay, maxDelay, jitter);
    }

    /** The SDK retry strategy: the standard strategy with AWS's retry conditions and these numbers. */
    public RetryStrategy strategy() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .backoffStrategy(new FullJitter(baseDelay, maxDelay, jitter))
                .throttlingBackoffStrategy(new FullJitter(throttledBaseDelay, maxDelay, jitter))
                .build();
    }

    /** The longest wait before attempt {@code attempt} (2 is the first retry): base x 2^(attempt-2), capped. */
    public static Duration window(Duration base, Duration cap, int attempt) {
        if (attempt <= 1) {
            return Duration.ZERO;
        }
        long millis = base.toMillis() << Math.min(attempt - 2, 30);
        return Duration.ofMillis(Math.min(Math.max(millis, 0), cap.toMillis()));
    }

    /** The most one call can wait between its attempts: every retry waits its whole (throttling) window. */
    public Duration worstCaseBackoff() {
        Duration total = Duration.ZERO;
        for (int attempt = 2; attempt <= maxAttempts; attempt++) {
            total = total.plus(window(throttledBaseDelay.compareTo(baseDelay) > 0 ? throttledBaseDelay : baseDelay,
                    maxDelay, attempt));
        }
        return total;
    }

    /** The longest one SDK call can take when each attempt takes at most {@code attempt}: the attempts plus the waits. */
    public Duration worstCaseCall(Duration attempt) {
        return attempt.multipliedBy(maxAttempts).plus(worstCaseBackoff());
    }

    /** Full jitter (AWS's recommended backoff): a random wait in [0, window) so throttled callers spread out. */
    record FullJitter(Duration base, Duration cap, DoubleSupplier jitter) implements BackoffStrategy {
        @Override
        public Duration computeDelay(int attempt) {
            return Duration.ofMillis((long) (window(base, cap, attempt).toMillis() * jitter.getAsDouble()));
        }
    }
}
