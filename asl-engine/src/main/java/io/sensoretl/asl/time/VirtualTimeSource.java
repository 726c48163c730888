package io.sensoretl.asl.time;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Virtual time: sleeping advances the clock instantly. Concurrent branches each keep their own
 * timeline (a thread-local "now"), so two parallel 60-second waits take 60 virtual seconds, not 120;
 * the shared clock is the furthest any timeline has reached.
 */
public final class VirtualTimeSource implements TimeSource {
    private static final Duration POLL = Duration.ofMillis(5);
    private final AtomicLong nanos;
    private final AtomicLong totalSlept = new AtomicLong();
    private final ThreadLocal<Long> timeline = new ThreadLocal<>();

    public VirtualTimeSource(Instant start) {
        this.nanos = new AtomicLong(start.getEpochSecond() * 1_000_000_000L + start.getNano());
    }

    @Override
    public Instant now() {
        Long local = timeline.get();
        return toInstant(local != null ? local : nanos.get());
    }

    private static Instant toInstant(long n) {
        return Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L));
    }

    private static long toNanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    @Override
    public <T> T runFrom(Instant start, java.util.function.Supplier<T> work) {
        Long previous = timeline.get();
        timeline.set(toNanos(start));
        try {
            return work.get();
        } finally {
            if (previous == null) {
                timeline.remove();
            } else {
                timeline.set(previous);
            }
        }
    }

    @Override
    public void advanceTo(Instant end) {
        long target = toNanos(end);
        if (toNanos(now()) < target) {
            setNow(target);
        }
    }

    private void setNow(long target) {
        if (timeline.get() != null) {
            timeline.set(target);
        }
        nanos.accumulateAndGet(target, Math::max);
    }

    @Override
    public void sleep(Duration duration) {
        Instant deadline = Deadlines.current();
        Instant start = now();
        if (deadline != null && start.plus(duration).isAfter(deadline)) {
            advanceTimeline(Duration.between(start, deadline));
            throw new DeadlineExceeded();
        }
        advanceTimeline(duration);
    }

    private void advanceTimeline(Duration d) {
        if (!d.isNegative()) {
            setNow(toNanos(now()) + d.toNanos());
            totalSlept.addAndGet(d.toNanos());
        }
    }

    /**
     * Moves the shared clock forward, as if that much time passed outside the executions: a task waiting for a
     * callback ({@link #waitFor}) sees its heartbeat or timeout come. Lets a test drive time from outside.
     */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + duration);
        }
        nanos.addAndGet(duration.toNanos());
    }

    @Override
    public boolean waitFor(Future<?> event, Instant until) {
        while (true) {
            if (event.isDone()) {
                return true;
            }
            long shared = nanos.get();
            Long local = timeline.get();
            long current = local == null ? shared : Math.max(local, shared);
            if (until != null && current >= toNanos(until)) {
                if (local != null) {
                    timeline.set(Math.max(local, toNanos(until)));
                }
                return false;
            }
            try {
                // no notification when the clock moves: look again shortly (the answer itself wakes us at once)
                event.get(POLL.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException e) {
                // look at the clock again
            } catch (ExecutionException | CancellationException e) {
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting", e);
            }
        }
    }

    /** How long all timelines slept in total; lets tests prove a wait or backoff happened without waiting. */
    public Duration totalSlept() {
        return Duration.ofNanos(totalSlept.get());
    }
}
