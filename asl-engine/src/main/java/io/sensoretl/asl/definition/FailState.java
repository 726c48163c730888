package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;

/** Fail: ends the execution with an error and cause, static, from paths, or from JSONata. */
public record FailState(StateCommon common, JsonNode error, String errorPath, JsonNode cause, String causePath)
        implements State {}
