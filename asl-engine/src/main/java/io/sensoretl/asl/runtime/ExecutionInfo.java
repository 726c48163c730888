package io.sensoretl.asl.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;
import java.time.Instant;

/** Identity of one execution: names and ARNs as AWS forms them, and what $$.Execution shows. */
public record ExecutionInfo(String partition, String region, String account, String stateMachineName,
                            String executionName, String roleArn, Instant startTime, JsonNode input) {

    public String stateMachineArn() {
        return "arn:" + partition + ":states:" + region + ":" + account + ":stateMachine:" + stateMachineName;
    }

    public String executionArn() {
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
        e.put("RedriveCount", 0);
        return e;
    }

    public ObjectNode stateMachineContext() {
        ObjectNode s = Json.object();
        s.put("Id", stateMachineArn());
        s.put("Name", stateMachineName);
        return s;
    }
}
