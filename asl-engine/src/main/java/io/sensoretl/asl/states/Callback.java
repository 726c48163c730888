package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.runtime.ExecutionAborted;
import io.sensoretl.asl.runtime.StateEnv;
import io.sensoretl.asl.task.TaskTokens;
import io.sensoretl.asl.time.DeadlineExceeded;
import io.sensoretl.asl.time.TimeSource;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** The wait of a callback task for SendTaskSuccess / SendTaskFailure, its heartbeats and its timeout. */
final class Callback {
    private Callback() {}

    /** HeartbeatSeconds passed without a heartbeat. */
    static final class HeartbeatMissed extends RuntimeException {
        HeartbeatMissed() {
            super("heartbeat missed", null, false, false);
        }
    }

    /**
     * @param deadline  when TimeoutSeconds (or the execution's) runs out, or null
     * @param heartbeat HeartbeatSeconds, or null
     * @return the output SendTaskSuccess sent
     * @throws FailureException  what SendTaskFailure sent
     * @throws DeadlineExceeded  when the deadline came first
     * @throws HeartbeatMissed   when a heartbeat was due and did not come
     * @throws ExecutionAborted  when the execution was stopped meanwhile
     */
    static JsonNode await(TaskTokens.Waiting waiting, Instant deadline, Long heartbeat, StateEnv env) {
        TimeSource time = env.services().time();
        while (true) {
            CompletableFuture<Void> beat = waiting.nextBeat();
            Instant beatDue = heartbeat == null ? null : waiting.lastBeat().plusSeconds(heartbeat);
            Instant until = earliest(deadline, beatDue);
            CompletableFuture<Object> any = CompletableFuture.anyOf(waiting.answer(), beat,
                    env.frame().runtime().control().signal());
            boolean woken = time.waitFor(any, until);
            env.frame().runtime().control().check();
            if (waiting.answer().isDone()) {
                try {
                    return waiting.answer().get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof FailureException f) {
                        throw f;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for a task token", e);
                }
            }
            if (woken) {
                continue;
            }
            if (beatDue != null && (deadline == null || beatDue.isBefore(deadline))) {
                throw new HeartbeatMissed();
            }
            throw new DeadlineExceeded();
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isBefore(b) ? a : b;
    }
}
