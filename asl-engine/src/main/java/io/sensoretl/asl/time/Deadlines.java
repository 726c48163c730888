package io.sensoretl.asl.time;

import java.time.Instant;
import java.util.function.Supplier;

/** The deadline of the task running on this thread; Lambda handlers run on the thread that invokes them. */
public final class Deadlines {
    private static final ThreadLocal<Instant> CURRENT = new ThreadLocal<>();

    private Deadlines() {}

    public static Instant current() {
        return CURRENT.get();
    }

    public static <T> T withDeadline(Instant deadline, Supplier<T> body) {
        Instant previous = CURRENT.get();
        CURRENT.set(deadline);
        try {
            return body.get();
        } finally {
            CURRENT.set(previous);
        }
    }
}
