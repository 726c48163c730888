package io.sensoretl.asl.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.history.ExecutionStore;
import io.sensoretl.asl.progress.MapRunProgress;
import io.sensoretl.asl.services.MockedResponse;
import io.sensoretl.asl.services.TaskMocks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Per-execution state shared by all its branches and iterations (and, for some of it, by its Map Run children). */
public final class ExecutionRuntime {
    private final EngineServices services;
    private final ExecutionInfo info;
    private final History history;
    private final Map<String, MapRunProgress> mapRuns;
    private final Instant deadline;
    private final ExecutionControl control;
    private final TaskMocks mocks;
    private final Map<String, AtomicInteger> mockInvocations;
    private final Runnable checkpoint;
    private final ExecutionStore childRecords;

    private ExecutionRuntime(EngineServices services, ExecutionInfo info, History history, Map<String, MapRunProgress> mapRuns,
                             Instant deadline, ExecutionControl control, TaskMocks mocks,
                             Map<String, AtomicInteger> mockInvocations, Runnable checkpoint, ExecutionStore childRecords) {
        this.services = services;
        this.info = info;
        this.history = history;
        this.mapRuns = mapRuns;
        this.deadline = deadline;
        this.control = control;
        this.mocks = mocks;
        this.mockInvocations = mockInvocations;
        this.checkpoint = checkpoint;
        this.childRecords = childRecords;
    }

    /** @param deadline when the machine's TimeoutSeconds runs out, or null */
    public static ExecutionRuntime start(EngineServices services, ExecutionInfo info, Instant deadline) {
        return new ExecutionRuntime(services, info, new History(services.time()), new LinkedHashMap<>(), deadline,
                new ExecutionControl(), null, new ConcurrentHashMap<>(), () -> { }, null);
    }

    /**
     * An execution with everything from outside: its history so far (a redrive goes on from it), its Map Runs so
     * far, its control, its mocks (and how often each mocked state was invoked), and what saves a checkpoint.
     */
    public static ExecutionRuntime of(EngineServices services, ExecutionInfo info, History history,
                                      List<MapRunProgress> mapRuns, Instant deadline, ExecutionControl control,
                                      TaskMocks mocks, Map<String, Integer> mockInvocations, Runnable checkpoint) {
        Map<String, MapRunProgress> runs = new LinkedHashMap<>();
        mapRuns.forEach(r -> runs.put(r.mapRunArn(), r));
        Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
        mockInvocations.forEach((state, n) -> counters.put(state, new AtomicInteger(n)));
        return new ExecutionRuntime(services, info, history, runs, deadline, control, mocks, counters, checkpoint, null);
    }

    /**
     * The same execution, keeping the records of its STANDARD Map Run children (their own description and history,
     * which DescribeExecution and GetExecutionHistory of a child answer) in {@code children}; null keeps none.
     */
    public ExecutionRuntime recordingChildrenIn(ExecutionStore children) {
        return new ExecutionRuntime(services, info, history, mapRuns, deadline, control, mocks, mockInvocations, checkpoint,
                children);
    }

    /**
     * A distributed Map child: its own execution identity and history (new, or the one a redrive goes on from); the
     * parent's Map Run list, deadline, control (stopping the parent stops it), mocks, checkpoint and child records.
     */
    public ExecutionRuntime child(ExecutionInfo childInfo, History childHistory) {
        return new ExecutionRuntime(services, childInfo, childHistory, mapRuns, deadline, control, mocks,
                mockInvocations, checkpoint, childRecords);
    }

    /** Where the records of Map Run children are kept (shared by children of children); null when nowhere. */
    public ExecutionStore childRecords() {
        return childRecords;
    }

    public Instant deadline() {
        return deadline;
    }

    /** Throws once the execution's TimeoutSeconds has passed, or once it was stopped. */
    public void checkDeadline() {
        control.check();
        if (deadline != null && services.time().now().isAfter(deadline)) {
            throw new ExecutionTimedOut();
        }
    }

    /**
     * Sleeps on the injected clock (a Wait state, a retry interval), waking at once if the execution is stopped.
     *
     * @throws ExecutionAborted when it was stopped
     * @throws io.sensoretl.asl.time.DeadlineExceeded when the current deadline falls inside the sleep
     */
    public void sleep(java.time.Duration duration) {
        if (services.time().sleep(duration, control.signal()) || control.stopped()) {
            throw new ExecutionAborted();
        }
    }

    public ExecutionControl control() {
        return control;
    }

    public EngineServices services() {
        return services;
    }

    public ExecutionInfo info() {
        return info;
    }

    public History history() {
        return history;
    }

    /** Every Map Run of this execution as its record keeps it (DescribeMapRun and failed items), in start order. */
    public List<JsonNode> mapRuns() {
        synchronized (mapRuns) {
            List<JsonNode> out = new ArrayList<>();
            mapRuns.values().forEach(r -> out.add(r.recorded()));
            return out;
        }
    }

    public List<MapRunProgress> mapRunProgress() {
        synchronized (mapRuns) {
            return List.copyOf(mapRuns.values());
        }
    }

    /** A Map Run started (or was redriven): it is reported from now on, replacing an earlier record of it. */
    public void recordMapRun(MapRunProgress run) {
        synchronized (mapRuns) {
            mapRuns.put(run.mapRunArn(), run);
        }
    }

    /**
     * The mocked response of this invocation of a Task state, when the execution runs a test case that mocks it;
     * invocations count from 0 per state name across the execution (retries included), as Step Functions Local counts.
     */
    public Optional<MockedResponse> mockedResponse(String stateName) {
        if (mocks == null || !mocks.mocks(stateName)) {
            return Optional.empty();
        }
        int invocation = mockInvocations.computeIfAbsent(stateName, s -> new AtomicInteger()).getAndIncrement();
        return Optional.of(mocks.response(stateName, invocation));
    }

    /** How often each mocked state was invoked so far (kept with a checkpoint, so a redrive goes on counting). */
    public Map<String, Integer> mockInvocations() {
        Map<String, Integer> out = new LinkedHashMap<>();
        mockInvocations.forEach((state, n) -> out.put(state, n.get()));
        return out;
    }

    /** Lets the execution save where it stands (throttled by whoever saves). */
    public void checkpoint() {
        checkpoint.run();
    }
}
