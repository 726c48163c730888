package io.sensoretl.asl.time;

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

    /**
     * Runs work that logically starts at {@code start} (a branch or iteration started by another
     * thread). Virtual time gives each branch its own timeline; real time needs nothing.
     */
    default <T> T runFrom(Instant start, java.util.function.Supplier<T> work) {
        return work.get();
    }

    /** After joining branches: the caller's time moves on to when the last of them ended. */
    default void advanceTo(Instant end) {
    }
}
