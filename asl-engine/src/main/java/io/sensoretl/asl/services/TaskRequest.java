package io.sensoretl.asl.services;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** What a Task state hands to its resource. deadline is null without TimeoutSeconds. */
public record TaskRequest(String resource, JsonNode parameters, String stateName, Instant deadline,
                          String executionArn) {

    /** The region of the execution, from its ARN: bare function names resolve there. */
    public String region() {
        return executionArn.split(":")[3];
    }

    public String account() {
        return executionArn.split(":")[4];
    }
}
