package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;

/** Task: invokes a resource; parameters holds Parameters (JSONPath) or Arguments (JSONata). */
public record TaskState(StateCommon common, String resource, JsonNode parameters, JsonNode resultSelector,
                        ResultPathSpec resultPath, JsonNode timeoutSeconds, String timeoutSecondsPath,
                        JsonNode heartbeatSeconds, String heartbeatSecondsPath, JsonNode credentials,
                        ErrorHandling errorHandling)
        implements State {}
