package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Task: invokes a resource; parameters holds Parameters (JSONPath) or Arguments (JSONata). credentials
 * tells whether the definition asks for a cross-account role, which the local engine refuses.
 */
public record TaskState(StateCommon common, String resource, JsonNode parameters, JsonNode resultSelector,
                        ResultPathSpec resultPath, TaskSeconds timeoutSeconds, TaskSeconds heartbeatSeconds,
                        boolean credentials, ErrorHandling errorHandling)
        implements State {}
