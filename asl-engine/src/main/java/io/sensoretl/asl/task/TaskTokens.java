package io.sensoretl.asl.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.errors.TaskTokenException;
import io.sensoretl.asl.time.TimeSource;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The task tokens of callback tasks ({@code .waitForTaskToken}) an engine is waiting on, and the answers and
 * heartbeats SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat bring them. A token stays known after its task
 * stopped waiting, so a late answer is told the task timed out, as Step Functions tells it.
 */
public final class TaskTokens {
    private static final String PREFIX = "AQ";
    private static final Pattern SHAPE = Pattern.compile("AQ[A-Za-z0-9_-]{64}");
    private static final int KEEP_CLOSED = 10_000;

    private final RandomGenerator random;
    private final TimeSource time;
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final Set<String> closed = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > KEEP_CLOSED;
        }
    });

    public TaskTokens(RandomGenerator random, TimeSource time) {
        this.random = random;
        this.time = time;
    }

    /** A task waiting for its answer: the answer (a result, or a FailureException) and its latest heartbeat. */
    public final class Waiting {
        private final String token;
        private final CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        private CompletableFuture<Void> beat = new CompletableFuture<>();
        private Instant lastBeat;

        private Waiting(String token) {
            this.token = token;
            this.lastBeat = time.now();
        }

        public String token() {
            return token;
        }

        public CompletableFuture<JsonNode> answer() {
            return answer;
        }

        /** Completes at the next heartbeat. */
        public synchronized CompletableFuture<Void> nextBeat() {
            return beat;
        }

        public synchronized Instant lastBeat() {
            return lastBeat;
        }

        private synchronized void heartbeat() {
            lastBeat = time.now();
            CompletableFuture<Void> done = beat;
            beat = new CompletableFuture<>();
            done.complete(null);
        }

        /** The task stopped waiting (answered, timed out, or its execution ended): later calls are told so. */
        public void close() {
            waiting.remove(token);
            synchronized (closed) {
                closed.add(token);
            }
        }
    }

    /** A new token, for a Task that is about to be called; {@link Waiting#close} when it stops waiting. */
    public Waiting issue() {
        byte[] bytes = new byte[48];
        synchronized (random) {
            random.nextBytes(bytes);
        }
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Waiting w = new Waiting(token);
        waiting.put(token, w);
        return w;
    }

    public void success(String token, JsonNode output) {
        find(token).answer.complete(output);
    }

    public void failure(String token, String error, String cause) {
        find(token).answer.completeExceptionally(new FailureException(error, cause));
    }

    public void heartbeat(String token) {
        find(token).heartbeat();
    }

    private Waiting find(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            throw new TaskTokenException(TaskTokenException.Reason.INVALID, "Invalid Token: 'Invalid token'");
        }
        Waiting w = waiting.get(token);
        if (w != null && !w.answer.isDone()) {
            return w;
        }
        boolean known;
        synchronized (closed) {
            known = closed.contains(token);
        }
        if (known || w != null) {
            throw new TaskTokenException(TaskTokenException.Reason.TIMED_OUT,
                    "Task Timed Out: 'Provided task does not exist anymore'");
        }
        throw new TaskTokenException(TaskTokenException.Reason.DOES_NOT_EXIST, "Task Does Not Exist: 'Provided task does "
                + "not exist' (no task of this local service is waiting for this token; tokens do not outlive the process)");
    }
}
