package io.sensoretl.asl.time;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Real time: Wait states and retries really wait. */
public final class SystemTimeSource implements TimeSource {
    public SystemTimeSource() {}

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public boolean sleep(Duration duration, Future<?> wakeup) {
        Instant deadline = Deadlines.current();
        Instant end = now().plus(duration);
        boolean exceeds = deadline != null && end.isAfter(deadline);
        if (waitFor(wakeup, exceeds ? deadline : end)) {
            return true;
        }
        if (exceeds) {
            throw new DeadlineExceeded();
        }
        return false;
    }

    @Override
    public boolean waitFor(Future<?> event, Instant until) {
        try {
            if (until == null) {
                event.get();
                return true;
            }
            long nanos = Duration.between(now(), until).toNanos();
            event.get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return event.isDone();
        } catch (ExecutionException | CancellationException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    @Override
    public void sleep(Duration duration) {
        Instant deadline = Deadlines.current();
        Duration actual = duration;
        boolean exceeds = false;
        if (deadline != null && now().plus(duration).isAfter(deadline)) {
            actual = Duration.between(now(), deadline);
            exceeds = true;
        }
        try {
            if (!actual.isNegative()) {
                Thread.sleep(actual.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
        if (exceeds) {
            throw new DeadlineExceeded();
        }
    }
}
