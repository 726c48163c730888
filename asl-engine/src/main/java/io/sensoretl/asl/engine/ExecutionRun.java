package io.sensoretl.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.history.ExecutionRecord;
import io.sensoretl.asl.history.ExecutionStore;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.progress.FrameProgress;
import io.sensoretl.asl.progress.MapRunProgress;
import io.sensoretl.asl.runtime.EventDetails;
import io.sensoretl.asl.runtime.ExecutionAborted;
import io.sensoretl.asl.runtime.ExecutionInfo;
import io.sensoretl.asl.runtime.ExecutionRuntime;
import io.sensoretl.asl.runtime.ExecutionTimedOut;
import io.sensoretl.asl.runtime.Frame;
import io.sensoretl.asl.runtime.Timestamps;
import io.sensoretl.asl.runtime.Variables;
import io.sensoretl.asl.states.Interpreter;
import io.sensoretl.asl.task.PayloadLimit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One run of an execution (its first, or a redrive): runs the machine, keeps the status, saves the record as it
 * goes (at most about once a second, and whenever the status changes) and ends exactly once, by its own thread or
 * by {@link #stop}.
 */
final class ExecutionRun {
    private static final long CHECKPOINT_EVERY_NANOS = 1_000_000_000L;
    private static final String OWNER = ExecutionRecord.currentOwner();

    private final StateMachine machine;
    private final ExecutionInfo info;
    private final ExecutionRuntime runtime;
    private final FrameProgress progress = new FrameProgress();
    private final FrameProgress resume;
    private final ExecutionStore store;
    private final String type;
    private final List<JsonNode> earlierMapRuns;
    private final CompletableFuture<ExecutionResult> done = new CompletableFuture<>();
    private final Object saving = new Object();
    private long lastSave;
    private ExecutionStatus status = ExecutionStatus.RUNNING;
    private JsonNode output;
    private String error;
    private String cause;
    private Instant stopTime;

    ExecutionRun(StateMachine machine, ExecutionInfo info, java.util.function.Function<Runnable, ExecutionRuntime> runtime,
                 FrameProgress resume, ExecutionStore store, StateMachineType type, List<JsonNode> earlierMapRuns) {
        this.machine = machine;
        this.info = info;
        this.resume = resume;
        this.store = type == StateMachineType.EXPRESS ? null : store;
        this.type = type.name();
        this.earlierMapRuns = earlierMapRuns;
        this.runtime = runtime.apply(() -> save(false))
                .recordingChildrenIn(this.store == null ? null : this.store.children(info.executionName()));
    }

    String executionArn() {
        return info.executionArn();
    }

    synchronized ExecutionStatus status() {
        return status;
    }

    CompletableFuture<ExecutionResult> completion() {
        return done;
    }

    /** Records the start (ExecutionStarted, or ExecutionRedriven on a redrive) and saves; then {@link #run} runs it. */
    Frame begin() {
        long last;
        if (resume == null) {
            runtime.history().add("ExecutionStarted", 0,
                    EventDetails.payload("input", info.input()).put("roleArn", info.roleArn()));
            last = 0;
        } else {
            last = runtime.history().add("ExecutionRedriven", runtime.history().lastId(),
                    Json.object().put("redriveCount", info.redriveCount()));
        }
        save(true);
        return new Frame(runtime, Variables.root(), null, last, progress, resume);
    }

    void run(Frame frame) {
        try {
            if (resume == null) {
                PayloadLimit.check(info.input(), "input");
            }
            JsonNode out = Interpreter.run(machine.definition(), info.input(), frame);
            end(ExecutionStatus.SUCCEEDED, "ExecutionSucceeded", EventDetails.payload("output", out), out, null, null);
        } catch (FailureException e) {
            end(ExecutionStatus.FAILED, "ExecutionFailed", EventDetails.failure(e.error(), e.cause()), null, e.error(),
                    e.cause());
        } catch (ExecutionTimedOut e) {
            end(ExecutionStatus.TIMED_OUT, "ExecutionTimedOut", EventDetails.failure(StatesErrorName.TIMEOUT.code(), null),
                    null, StatesErrorName.TIMEOUT.code(), null);
        } catch (ExecutionAborted e) {
            // stopped: stop() has ended it already
        } catch (RuntimeException e) {
            // an engine defect or an unsupported construct found at run time: the execution fails and says why
            String why = "The local engine could not continue: " + e;
            end(ExecutionStatus.FAILED, "ExecutionFailed", EventDetails.failure(StatesErrorName.RUNTIME.code(), why), null,
                    StatesErrorName.RUNTIME.code(), why);
        } catch (Error e) {
            done.completeExceptionally(e);
            throw e;
        }
    }

    private void end(ExecutionStatus endStatus, String eventType, ObjectNode details, JsonNode endOutput, String endError,
                     String endCause) {
        synchronized (this) {
            if (runtime.history().finish(eventType, details) < 0) {
                return;
            }
            status = endStatus;
            output = endOutput;
            error = endError;
            cause = endCause;
            stopTime = runtime.services().time().now();
        }
        save(true);
        done.complete(result());
    }

    boolean stop(String stopError, String stopCause) {
        synchronized (this) {
            if (runtime.history().finish("ExecutionAborted", EventDetails.failure(stopError, stopCause)) < 0) {
                return false;
            }
            status = ExecutionStatus.ABORTED;
            error = stopError;
            cause = stopCause;
            stopTime = runtime.services().time().now();
            for (MapRunProgress run : runtime.mapRunProgress()) {
                if (run.status().equals("RUNNING")) {
                    run.ended("ABORTED", Timestamps.format(stopTime), false);
                }
            }
        }
        runtime.control().stop();
        save(true);
        done.complete(result());
        return true;
    }

    private ExecutionResult result() {
        synchronized (this) {
            return new ExecutionResult(info.executionArn(), status, output, error, cause, runtime.history().events(),
                    mapRuns());
        }
    }

    private List<JsonNode> mapRuns() {
        Map<String, JsonNode> runs = new LinkedHashMap<>();
        for (JsonNode earlier : earlierMapRuns) {
            runs.put(earlier.path("mapRunArn").asText(), earlier);
        }
        for (JsonNode now : runtime.mapRuns()) {
            runs.put(now.path("mapRunArn").asText(), now);
        }
        return new ArrayList<>(runs.values());
    }

    ExecutionRecord record() {
        synchronized (this) {
            ObjectNode checkpoint = Json.object();
            checkpoint.set("frame", progress.toJson());
            ObjectNode counts = checkpoint.putObject("mockInvocations");
            runtime.mockInvocations().forEach(counts::put);
            return new ExecutionRecord(info.executionArn(), info.executionName(), info.stateMachineArn(), status.name(),
                    Timestamps.format(info.startTime()), stopTime == null ? null : Timestamps.format(stopTime), info.input(),
                    output, error, cause, runtime.history().events(), mapRuns(), type, info.redriveCount(),
                    info.redriveTime() == null ? null : Timestamps.format(info.redriveTime()), checkpoint,
                    status == ExecutionStatus.RUNNING ? OWNER : null);
        }
    }

    /** Saves the record: always when forced, otherwise at most about once a second (a checkpoint while it runs). */
    private void save(boolean force) {
        if (store == null) {
            return;
        }
        synchronized (saving) {
            long now = System.nanoTime();
            if (!force && now - lastSave < CHECKPOINT_EVERY_NANOS) {
                return;
            }
            ExecutionRecord snapshot = record();
            if (!force && !snapshot.running()) {
                return;
            }
            store.save(snapshot);
            lastSave = now;
        }
    }

    /** The mock invocation counts a redrive goes on from. */
    static Map<String, Integer> mockInvocations(JsonNode checkpoint) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (checkpoint != null) {
            checkpoint.path("mockInvocations").properties().forEach(e -> counts.put(e.getKey(), e.getValue().asInt()));
        }
        return counts;
    }
}
