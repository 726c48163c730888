package io.sensoretl.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.services.TaskMocks;

/**
 * Names and input of an execution; names default as in the CLI when null.
 *
 * @param type  STANDARD (the default, when null) or EXPRESS
 * @param mocks the mocked Task responses this execution uses (a MockConfigFile test case), or null for none
 */
public record ExecutionRequest(JsonNode input, String executionName, String stateMachineName, String region,
                               String account, String partition, String roleArn, StateMachineType type,
                               TaskMocks mocks) {

    public ExecutionRequest(JsonNode input, String executionName, String stateMachineName, String region, String account,
                            String partition, String roleArn) {
        this(input, executionName, stateMachineName, region, account, partition, roleArn, StateMachineType.STANDARD, null);
    }

    public static ExecutionRequest of(JsonNode input) {
        return new ExecutionRequest(input, null, null, null, null, null, null);
    }

    public ExecutionRequest withType(StateMachineType executionType) {
        return new ExecutionRequest(input, executionName, stateMachineName, region, account, partition, roleArn,
                executionType, mocks);
    }

    public ExecutionRequest withMocks(TaskMocks taskMocks) {
        return new ExecutionRequest(input, executionName, stateMachineName, region, account, partition, roleArn, type,
                taskMocks);
    }
}
