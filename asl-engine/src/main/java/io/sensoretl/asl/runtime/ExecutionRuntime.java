package io.sensoretl.asl.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Per-execution state shared by all its branches and iterations. */
public final class ExecutionRuntime {
    private final EngineServices services;
    private final ExecutionInfo info;
    private final History history;
    private final List<JsonNode> mapRuns;
    private final Instant deadline;
    private final StopSignal stop;

    public ExecutionRuntime(EngineServices services, ExecutionInfo info, History history, List<JsonNode> mapRuns,
                            Instant deadline, StopSignal stop) {
        this.services = services;
        this.info = info;
        this.history = history;
        this.mapRuns = mapRuns;
        this.deadline = deadline;
        this.stop = stop;
    }

    /** @param deadline when the machine's TimeoutSeconds runs out, or null */
    public static ExecutionRuntime start(EngineServices services, ExecutionInfo info, Instant deadline) {
        return new ExecutionRuntime(services, info, new History(services.time()), new ArrayList<>(), deadline,
                new StopSignal());
    }

    /**
     * A distributed Map child: its own execution identity and history, the parent's map-run list, deadline
     * and stop signal (stopping the parent stops its children).
     */
    public ExecutionRuntime child(ExecutionInfo childInfo) {
        return new ExecutionRuntime(services, childInfo, new History(services.time()), mapRuns, deadline, stop);
    }

    public StopSignal stop() {
        return stop;
    }

    public Instant deadline() {
        return deadline;
    }

    /** Throws once the execution was stopped ({@link ExecutionAborted}) or its TimeoutSeconds has passed. */
    public void checkDeadline() {
        stop.check();
        if (deadline != null && services.time().now().isAfter(deadline)) {
            throw new ExecutionTimedOut();
        }
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

    public List<JsonNode> mapRuns() {
        synchronized (mapRuns) {
            return List.copyOf(mapRuns);
        }
    }

    public void recordMapRun(JsonNode run) {
        synchronized (mapRuns) {
            mapRuns.add(run);
        }
    }
}
