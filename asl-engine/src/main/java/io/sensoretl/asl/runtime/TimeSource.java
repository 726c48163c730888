package io.sensoretl.asl.runtime;

import java.time.Duration;
import java.time.Instant;

/** Clock and sleeper in one, so Wait states and retry intervals can run on virtual time in tests. */
public interface TimeSource {
    Instant now();

    /**
     * Sleeps (or advances virtual time) for the duration; honours the current thread's task deadline.
     *
     * @throws DeadlineExceeded when the deadline falls inside the sleep
     */
    void sleep(Duration duration);
}
