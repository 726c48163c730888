package io.sensoretl.aws;

import java.time.Duration;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Retries AWS calls the service throttled, with capped exponential backoff and full jitter (the
 * schedule AWS recommends so that many throttled callers do not retry in lock-step). Used by the
 * DynamoDB and Glue adapters on top of the SDK's own few retries, because a finalisation that writes
 * thousands of items must ride out sustained throttling rather than fail the run.
 *
 * <p>Sleeping and randomness are injected so tests run the schedule in virtual time.
 */
public final class Backoff {
    /** Waits for the given time; the production one is {@link Thread#sleep}. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public static final Sleeper THREAD_SLEEP = d -> Thread.sleep(d.toMillis());

    private final int maxAttempts;
    private final Duration base;
    private final Duration cap;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;

    /** @param jitter values in [0, 1): the fraction of the backoff window actually waited */
    public Backoff(int maxAttempts, Duration base, Duration cap, Sleeper sleeper, DoubleSupplier jitter) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1, got " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.base = base;
        this.cap = cap;
        this.sleeper = sleeper;
        this.jitter = jitter;
    }

    public static Backoff standard() {
        return new Backoff(10, Duration.ofMillis(50), Duration.ofSeconds(5), THREAD_SLEEP, Math::random);
    }

    public <T> T call(String what, Supplier<T> action) {
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (SdkServiceException e) {
                if (!e.isThrottlingException() || attempt >= maxAttempts) {
                    if (e.isThrottlingException()) {
                        throw new ThrottledException(what + " was still throttled after " + attempt + " attempts", e);
                    }
                    throw e;
                }
                pause(what, attempt);
            }
        }
    }

    /** The longest wait before retry {@code attempt + 1}: base * 2^(attempt-1), capped. */
    Duration window(int attempt) {
        long millis = base.toMillis() << Math.min(attempt - 1, 30);
        return Duration.ofMillis(Math.min(Math.max(millis, 0), cap.toMillis()));
    }

    private void pause(String what, int attempt) {
        try {
            sleeper.sleep(Duration.ofMillis((long) (window(attempt).toMillis() * jitter.getAsDouble())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off " + what, e);
        }
    }

    /** Throttling outlasted every retry. */
    public static final class ThrottledException extends RuntimeException {
        public ThrottledException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
