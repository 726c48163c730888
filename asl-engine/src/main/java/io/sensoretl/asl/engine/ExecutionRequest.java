package io.sensoretl.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;

/** Names and input of an execution; names default as in the CLI when null. */
public record ExecutionRequest(JsonNode input, String executionName, String stateMachineName, String region,
                               String account, String partition, String roleArn) {
    public static ExecutionRequest of(JsonNode input) {
        return new ExecutionRequest(input, null, null, null, null, null, null);
    }
}
