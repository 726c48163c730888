package io.sensoretl.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.history.HistoryEvent;
import io.sensoretl.asl.json.Json;
import java.util.List;

/** How an execution ended, with its history and map runs. */
public record ExecutionResult(String executionArn, ExecutionStatus status, JsonNode output, String error, String cause,
                              List<HistoryEvent> history, List<JsonNode> mapRuns) {

    /** {"status":..., "output":...} or {"status":"FAILED","error":...,"cause":...} as the CLI prints it. */
    public ObjectNode summary() {
        ObjectNode o = Json.object();
        o.put("status", status.name());
        if (status == ExecutionStatus.SUCCEEDED) {
            o.set("output", output);
        } else {
            if (error != null) {
                o.put("error", error);
            }
            if (cause != null) {
                o.put("cause", cause);
            }
        }
        return o;
    }
}
