package io.sensoretl.stepfunctions;

import static io.sensoretl.stepfunctions.StepFunctionsService.epoch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Map Runs as the API answers them, from what an execution record keeps of each run (the engine's
 * {@code MapRunProgress.recorded()}: DescribeMapRun's fields with ISO-8601 dates, {@code failedItems},
 * {@code childExecutions}).
 */
final class MapRunShapes {
    private MapRunShapes() {}

    /** DescribeMapRun's response. */
    static ObjectNode describe(JsonNode run) {
        ObjectNode o = Json.object();
        o.put("mapRunArn", run.path("mapRunArn").asText());
        o.put("executionArn", run.path("executionArn").asText());
        o.put("status", run.path("status").asText());
        o.put("startDate", epoch(run.path("startDate").asText()));
        if (has(run, "stopDate")) {
            o.put("stopDate", epoch(run.get("stopDate").asText()));
        }
        o.put("maxConcurrency", run.path("maxConcurrency").asInt());
        o.put("toleratedFailurePercentage", run.path("toleratedFailurePercentage").asDouble());
        o.put("toleratedFailureCount", run.path("toleratedFailureCount").asLong());
        o.set("itemCounts", run.path("itemCounts").deepCopy());
        o.set("executionCounts", run.path("executionCounts").deepCopy());
        o.put("redriveCount", run.path("redriveCount").asInt());
        if (has(run, "redriveDate")) {
            o.put("redriveDate", epoch(run.get("redriveDate").asText()));
        }
        return o;
    }

    /** ListMapRuns' item (MapRunListItem): the state machine is the one its child executions run. */
    static ObjectNode listItem(JsonNode run) {
        ObjectNode o = Json.object();
        o.put("executionArn", run.path("executionArn").asText());
        o.put("mapRunArn", run.path("mapRunArn").asText());
        o.put("stateMachineArn", Arns.mapRunStateMachine(run.path("mapRunArn").asText()));
        o.put("startDate", epoch(run.path("startDate").asText()));
        if (has(run, "stopDate")) {
            o.put("stopDate", epoch(run.get("stopDate").asText()));
        }
        return o;
    }

    /** Whether the record lists the run's child executions (records written before they were kept do not). */
    static boolean hasChildExecutions(JsonNode run) {
        return run.path("childExecutions").isArray();
    }

    /** ListExecutions' items (ExecutionListItem) for the run's child executions that started, in record order. */
    static List<ObjectNode> childExecutions(JsonNode run) {
        String mapRunArn = run.path("mapRunArn").asText();
        String machine = Arns.mapRunStateMachine(mapRunArn);
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode c : run.path("childExecutions")) {
            ObjectNode x = Json.object();
            x.put("executionArn", c.path("executionArn").asText());
            x.put("stateMachineArn", machine);
            x.put("name", c.path("name").asText());
            x.put("status", c.path("status").asText());
            x.put("startDate", epoch(c.path("startDate").asText()));
            if (has(c, "stopDate")) {
                x.put("stopDate", epoch(c.get("stopDate").asText()));
            }
            x.put("mapRunArn", mapRunArn);
            x.put("redriveCount", c.path("redriveCount").asInt());
            out.add(x);
        }
        return out;
    }

    private static boolean has(JsonNode o, String field) {
        return o.hasNonNull(field) && !o.get(field).asText().isEmpty();
    }
}
