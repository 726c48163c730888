package io.sensoretl.cli.executions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;
import java.util.List;

/**
 * One execution with everything `executions show` prints: DescribeExecution fields, the history
 * events (GetExecutionHistory shape), the map runs (DescribeMapRun shape) and the failures found in
 * the history.
 */
public record ExecutionDetail(ExecutionSummary summary, JsonNode input, JsonNode output, String error, String cause,
                              List<JsonNode> events, List<JsonNode> mapRuns) {

    public List<Failure> failures() {
        return Failure.in(events);
    }

    ObjectNode toJson() {
        ObjectNode o = Json.object();
        ObjectNode execution = summary.toJson();
        execution.set("input", input == null ? Json.NODES.nullNode() : input);
        execution.set("output", output == null ? Json.NODES.nullNode() : output);
        execution.put("error", error);
        execution.put("cause", cause);
        o.set("execution", execution);
        ArrayNode runs = o.putArray("mapRuns");
        mapRuns.forEach(runs::add);
        ArrayNode failures = o.putArray("failures");
        failures().forEach(f -> failures.add(f.toJson()));
        ArrayNode history = o.putArray("events");
        events.forEach(history::add);
        return o;
    }
}
