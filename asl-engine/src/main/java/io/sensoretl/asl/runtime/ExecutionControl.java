package io.sensoretl.asl.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Whether an execution was stopped (StopExecution, or the process that ran it ended). Its threads look at it
 * between states, before a retry and while they wait; a Map Run's children share their parent's. The threads
 * working for the execution when it is stopped are interrupted, so a task blocked in I/O or a sleep ends early
 * instead of running to completion.
 */
public final class ExecutionControl {
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private final Map<Thread, Integer> working = new HashMap<>();

    public void stop() {
        stopped.complete(null);
        synchronized (this) {
            working.keySet().forEach(Thread::interrupt);
        }
    }

    public boolean stopped() {
        return stopped.isDone();
    }

    /** Completes when the execution is stopped: what its sleeps and waits wake up on. */
    public CompletableFuture<Void> signal() {
        return stopped;
    }

    /** @throws ExecutionAborted once the execution was stopped */
    public void check() {
        if (stopped.isDone()) {
            throw new ExecutionAborted();
        }
    }

    /**
     * Runs {@code body} as work of this execution on the current thread (nesting allowed). A thread interrupted by
     * the stop leaves without its interrupt flag, so the thread (a pool thread, the caller of the engine) carries
     * nothing into its next, unrelated work.
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
                if (stopped.isDone()) {
                    Thread.interrupted();
                }
            }
        }
    }
}
