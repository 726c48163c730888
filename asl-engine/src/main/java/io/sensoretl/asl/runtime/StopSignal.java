package io.sensoretl.asl.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A request to stop one execution (StopExecution), shared by the execution and its Map children and
 * branches. Work checks it between states, before a retry and before a Map child starts; the threads
 * working for the execution when it is requested are interrupted, so a task blocked in I/O or a wait
 * ends early instead of running to completion.
 */
public final class StopSignal {
    /** Why the execution was stopped: StopExecution's optional error and cause. */
    public record Reason(String error, String cause) {}

    private final Map<Thread, Integer> working = new HashMap<>();
    private volatile Reason reason;

    /** @return false when a stop was requested already (the first request's reason stays) */
    public synchronized boolean request(String error, String cause) {
        if (reason != null) {
            return false;
        }
        reason = new Reason(error, cause);
        working.keySet().forEach(Thread::interrupt);
        return true;
    }

    public boolean requested() {
        return reason != null;
    }

    public Reason reason() {
        return reason;
    }

    /** Throws {@link ExecutionAborted} once a stop was requested. */
    public void check() {
        if (reason != null) {
            throw new ExecutionAborted();
        }
    }

    /**
     * Runs {@code body} as work of this execution on the current thread (nesting allowed). A thread
     * interrupted by the stop leaves without its interrupt flag, so the thread (a pool thread, the
     * caller of the engine) carries nothing into its next, unrelated work.
     */
    public <T> T working(Supplier<T> body) {
        Thread self = Thread.currentThread();
        synchronized (this) {
            working.merge(self, 1, Integer::sum);
        }
        try {
            return body.get();
        } finally {
            synchronized (this) {
                if (working.merge(self, -1, Integer::sum) == 0) {
                    working.remove(self);
                }
                if (reason != null) {
                    Thread.interrupted();
                }
            }
        }
    }
}
