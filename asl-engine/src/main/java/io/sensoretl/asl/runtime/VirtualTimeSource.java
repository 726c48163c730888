package io.sensoretl.asl.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Virtual time: sleeping advances the clock instantly. Concurrent sleepers all advance one shared
 * clock, which is fine for deciding timeouts because a deadline is checked against the sleep itself.
 */
public final class VirtualTimeSource implements TimeSource {
    private final AtomicLong nanos;
    private final AtomicLong totalSlept = new AtomicLong();

    public VirtualTimeSource(Instant start) {
        this.nanos = new AtomicLong(start.getEpochSecond() * 1_000_000_000L + start.getNano());
    }

    @Override
    public Instant now() {
        long n = nanos.get();
        return Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L));
    }

    @Override
    public void sleep(Duration duration) {
        Instant deadline = Deadlines.current();
        Instant start = now();
        if (deadline != null && start.plus(duration).isAfter(deadline)) {
            advance(Duration.between(start, deadline));
            throw new DeadlineExceeded();
        }
        advance(duration);
    }

    private void advance(Duration d) {
        if (!d.isNegative()) {
            nanos.addAndGet(d.toNanos());
            totalSlept.addAndGet(d.toNanos());
        }
    }

    /** How long everything slept in total; lets tests prove a wait or backoff happened without waiting. */
    public Duration totalSlept() {
        return Duration.ofNanos(totalSlept.get());
    }
}
