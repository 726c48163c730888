package io.sensoretl.asl.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;
import java.time.Instant;

/**
 * Identity of one execution: names and ARNs as AWS forms them, and what $$.Execution shows. An EXPRESS
 * execution's ARN is {@code ...:express:<machine>:<name>:<id>}; a STANDARD one's {@code ...:execution:<machine>:<name>}.
 *
 * @param expressId   the id ending an EXPRESS execution's ARN; null for STANDARD
 * @param redriveTime when the execution was last redriven; null before its first redrive
 */
public record ExecutionInfo(String partition, String region, String account, String stateMachineName,
                            String executionName, String roleArn, Instant startTime, JsonNode input, String expressId,
                            int redriveCount, Instant redriveTime) {

    public ExecutionInfo(String partition, String region, String account, String stateMachineName, String executionName,
                         String roleArn, Instant startTime, JsonNode input) {
        this(partition, region, account, stateMachineName, executionName, roleArn, startTime, input, null, 0, null);
    }

    public boolean express() {
        return expressId != null;
    }

    /** The same execution, redriven once more at {@code at}. */
    public ExecutionInfo redriven(Instant at) {
        return new ExecutionInfo(partition, region, account, stateMachineName, executionName, roleArn, startTime, input,
                expressId, redriveCount + 1, at);
    }

    public String stateMachineArn() {
        return "arn:" + partition + ":states:" + region + ":" + account + ":stateMachine:" + stateMachineName;
    }

    public String executionArn() {
        if (expressId != null) {
            return "arn:" + partition + ":states:" + region + ":" + account + ":express:" + stateMachineName + ":"
                    + executionName + ":" + expressId;
        }
        return "arn:" + partition + ":states:" + region + ":" + account + ":execution:" + stateMachineName + ":"
                + executionName;
    }

    public ObjectNode executionContext() {
        ObjectNode e = Json.object();
        e.put("Id", executionArn());
        e.set("Input", input);
        e.put("StartTime", Timestamps.format(startTime));
        e.put("Name", executionName);
        e.put("RoleArn", roleArn);
        if (expressId == null) {
            // EXPRESS executions cannot be redriven, so their context has no redrive fields
            e.put("RedriveCount", redriveCount);
            if (redriveTime != null) {
                e.put("RedriveTime", Timestamps.format(redriveTime));
            }
        }
        return e;
    }

    public ObjectNode stateMachineContext() {
        ObjectNode s = Json.object();
        s.put("Id", stateMachineArn());
        s.put("Name", stateMachineName);
        return s;
    }
}
