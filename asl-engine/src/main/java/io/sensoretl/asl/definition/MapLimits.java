package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;

/** MaxConcurrency and failure tolerance, each a literal/JSONata value or a path. */
public record MapLimits(JsonNode maxConcurrency, String maxConcurrencyPath, JsonNode toleratedFailureCount,
                        String toleratedFailureCountPath, JsonNode toleratedFailurePercentage,
                        String toleratedFailurePercentagePath) {}
