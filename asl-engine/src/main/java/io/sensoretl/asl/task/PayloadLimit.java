package io.sensoretl.asl.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.json.Json;

/** Step Functions' 256 KiB limit on state input, output and task results. */
public final class PayloadLimit {
    public static final int MAX_BYTES = 256 * 1024;

    private PayloadLimit() {}

    /** @param culprit the state or task name AWS puts in the cause */
    public static JsonNode check(JsonNode value, String culprit) {
        if (value != null && Json.byteSize(value) > MAX_BYTES) {
            throw new FailureException(StatesErrorName.DATA_LIMIT_EXCEEDED, "The state/task '" + culprit
                    + "' returned a result with a size exceeding the maximum number of bytes service limit.");
        }
        return value;
    }
}
