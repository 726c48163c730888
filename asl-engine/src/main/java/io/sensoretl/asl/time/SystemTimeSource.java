package io.sensoretl.asl.time;

import java.time.Duration;
import java.time.Instant;

/** Real time: Wait states and retries really wait. */
public final class SystemTimeSource implements TimeSource {
    public SystemTimeSource() {}

    @Override
    public Instant now() {
        return Instant.now();
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
