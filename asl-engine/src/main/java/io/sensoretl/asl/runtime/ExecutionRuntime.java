package io.sensoretl.asl.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.history.History;
import java.util.ArrayList;
import java.util.List;

/** Per-execution state shared by all its branches and iterations. */
public final class ExecutionRuntime {
    private final EngineServices services;
    private final ExecutionInfo info;
    private final History history;
    private final List<JsonNode> mapRuns;

    public ExecutionRuntime(EngineServices services, ExecutionInfo info, History history, List<JsonNode> mapRuns) {
        this.services = services;
        this.info = info;
        this.history = history;
        this.mapRuns = mapRuns;
    }

    public static ExecutionRuntime start(EngineServices services, ExecutionInfo info) {
        return new ExecutionRuntime(services, info, new History(services.time()), new ArrayList<>());
    }

    /** A distributed Map child: its own execution identity and history, the parent's map-run list. */
    public ExecutionRuntime child(ExecutionInfo childInfo) {
        return new ExecutionRuntime(services, childInfo, new History(services.time()), mapRuns);
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
