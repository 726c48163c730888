package io.sensoretl.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;
import io.sensoretl.stepfunctions.SfnException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.sensoretl.stepfunctions.StepFunctionsService;

/**
 * What the console reads and does, through the same service actions as the API (so the console shows exactly what
 * the AWS CLI and SDKs see, and its buttons do what StopExecution and RedriveExecution do), all pages read.
 */
final class ConsoleData {
    private final StepFunctionsService service;

    ConsoleData(StepFunctionsService service) {
        this.service = service;
    }

    List<JsonNode> stateMachines() {
        return all("ListStateMachines", Json.object(), "stateMachines");
    }

    /** Newest first; {@code status} null for all. */
    List<JsonNode> executions(String stateMachineArn, String status) {
        ObjectNode r = Json.object().put("stateMachineArn", stateMachineArn);
        if (status != null) {
            r.put("statusFilter", status);
        }
        return all("ListExecutions", r, "executions");
    }

    JsonNode describe(String executionArn) {
        return service.call("DescribeExecution", Json.object().put("executionArn", executionArn));
    }

    /** The definition the execution ran (parsed). */
    JsonNode definition(String executionArn) {
        JsonNode m = service.call("DescribeStateMachineForExecution", Json.object().put("executionArn", executionArn));
        return Json.parse(m.path("definition").asText());
    }

    /** Every event, oldest first. */
    List<JsonNode> history(String executionArn) {
        return all("GetExecutionHistory", Json.object().put("executionArn", executionArn).put("maxResults", 1000),
                "events");
    }

    Optional<JsonNode> mapRun(String mapRunArn) {
        return service.mapRun(mapRunArn);
    }

    void stop(String executionArn) {
        service.call("StopExecution", Json.object().put("executionArn", executionArn));
    }

    void redrive(String executionArn) {
        service.call("RedriveExecution", Json.object().put("executionArn", executionArn));
    }

    private List<JsonNode> all(String action, ObjectNode request, String field) {
        List<JsonNode> out = new ArrayList<>();
        while (true) {
            JsonNode page = service.call(action, request);
            page.path(field).forEach(out::add);
            if (!page.hasNonNull("nextToken")) {
                return out;
            }
            request.put("nextToken", page.get("nextToken").asText());
        }
    }

    /** An API date: epoch seconds (a number) or ISO-8601 text (as Map Run records keep them); null when absent. */
    static Instant date(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isNumber()) {
            return Instant.ofEpochMilli(Math.round(v.asDouble() * 1000));
        }
        return Instant.parse(v.asText());
    }

    static boolean notFound(SfnException e) {
        return e.type().endsWith("DoesNotExist") || e.type().equals("InvalidArn");
    }
}
