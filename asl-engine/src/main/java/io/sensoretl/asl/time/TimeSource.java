package io.sensoretl.asl.time;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;

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

    /**
     * Sleeps like {@link #sleep(Duration)}, but returns as soon as {@code wakeup} completes (a StopExecution,
     * for instance). Virtual time sleeps instantly anyway.
     *
     * @return true when woken before the duration passed
     * @throws DeadlineExceeded when the current thread's deadline falls inside the sleep
     */
    default boolean sleep(Duration duration, Future<?> wakeup) {
        if (wakeup.isDone()) {
            return true;
        }
        sleep(duration);
        return wakeup.isDone();
    }

    /**
     * Waits for something outside the execution ({@code event}: a task token's answer, a child execution) until
     * this clock reaches {@code until} (null: no limit). Real time waits that long. Virtual time never jumps ahead
     * here, since the answer may still come: it waits until the event completes or until the clock is moved past
     * {@code until} by a sleeper or by {@link VirtualTimeSource#advance}.
     *
     * @return true when the event completed, false when the time came first
     */
    boolean waitFor(Future<?> event, Instant until);
}
