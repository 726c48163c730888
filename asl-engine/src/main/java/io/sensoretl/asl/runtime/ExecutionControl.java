package io.sensoretl.asl.runtime;

import java.util.concurrent.CompletableFuture;

/**
 * Whether an execution was stopped (StopExecution, or the process that ran it ended). Its threads look at it
 * between states and while they wait; a Map Run's children share their parent's.
 */
public final class ExecutionControl {
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    public void stop() {
        stopped.complete(null);
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
}
