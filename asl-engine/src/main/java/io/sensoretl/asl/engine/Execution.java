package io.sensoretl.asl.engine;

import io.sensoretl.asl.history.ExecutionRecord;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A started (or redriven) execution: what it is doing now, how it ended, and how to stop it. Stopping ends it at
 * once (ABORTED, ExecutionAborted in its history); the threads still working for it, such as an in-process Lambda
 * function, are interrupted, and whatever they finish is ignored.
 */
public final class Execution {
    private final ExecutionRun run;

    Execution(ExecutionRun run) {
        this.run = run;
    }

    public String executionArn() {
        return run.executionArn();
    }

    public ExecutionStatus status() {
        return run.status();
    }

    /** Everything known about it now: status, history and Map Runs so far, checkpoint. */
    public ExecutionRecord record() {
        return run.record();
    }

    /**
     * StopExecution: ends a RUNNING execution as ABORTED with this error and cause (either may be null).
     *
     * @return false when it had already ended
     */
    public boolean stop(String error, String cause) {
        return run.stop(error, cause);
    }

    /** Completes when the execution ends, however it ends. */
    public CompletableFuture<ExecutionResult> completion() {
        return run.completion();
    }

    /** Waits for the end. */
    public ExecutionResult await() {
        try {
            return run.completion().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + executionArn(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the execution " + executionArn() + " could not run: " + e.getCause(),
                    e.getCause());
        }
    }

    /**
     * Waits for the end, at most {@code timeout}.
     *
     * @throws TimeoutException when it is still running then
     */
    public ExecutionResult await(Duration timeout) throws TimeoutException {
        try {
            return run.completion().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + executionArn(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the execution " + executionArn() + " could not run: " + e.getCause(),
                    e.getCause());
        }
    }
}
