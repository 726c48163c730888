package io.sensoretl.asl.map;

import com.fasterxml.jackson.databind.JsonNode;

/** The outcome of one distributed Map child execution, as ResultWriter reports it. */
public record ChildExecution(String executionArn, String name, JsonNode input, JsonNode output, String status,
                             String error, String cause, String startDate, String stopDate) {
    public boolean succeeded() {
        return "SUCCEEDED".equals(status);
    }
}
