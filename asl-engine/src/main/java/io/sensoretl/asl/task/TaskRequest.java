package io.sensoretl.asl.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** What a Task state hands to its resource. deadline is null without TimeoutSeconds. */
public record TaskRequest(String resource, JsonNode parameters, String stateName, Instant deadline,
                          String executionArn) {}
