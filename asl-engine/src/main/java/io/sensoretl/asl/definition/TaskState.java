package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Task: invokes a resource; parameters holds Parameters (JSONPath) or Arguments (JSONata). credentials
 * tells whether the definition asks for a cross-account role, which the local engine refuses.
 */
public record TaskState(StateCommon common, String resource, JsonNode parameters, JsonNode resultSelector,
                        ResultPathSpec resultPath, TaskSeconds timeoutSeconds, TaskSeconds heartbeatSeconds,
                        boolean credentials, ErrorHandling errorHandling)
        implements State {

    public static TaskState parse(StateCommon common, JsonNode s, Parsing parsing) {
        QueryLanguage ql = common.queryLanguage();
        return new TaskState(common, s.path("Resource").asText(), Nodes.parameters(s, ql), s.get("ResultSelector"),
                ResultPathSpec.parse(s, ql), TaskSeconds.parse(s, "TimeoutSeconds", ql),
                TaskSeconds.parse(s, "HeartbeatSeconds", ql), s.has("Credentials"), ErrorHandling.parse(s, ql));
    }

    public static void check(JsonNode s, StateChecks checks) {
        String ptr = checks.pointer();
        if (!s.path("Resource").isTextual()) {
            checks.problem(ptr + "/Resource", "Task needs a Resource string");
        }
        JsonNode timeout = s.path("TimeoutSeconds");
        JsonNode heartbeat = s.path("HeartbeatSeconds");
        if (timeout.isNumber() && heartbeat.isNumber() && heartbeat.asLong() >= timeout.asLong()) {
            checks.problem(ptr + "/HeartbeatSeconds", "HeartbeatSeconds must be smaller than TimeoutSeconds");
        }
        for (String f : List.of("TimeoutSeconds", "HeartbeatSeconds")) {
            if (s.path(f).isNumber() && (!s.path(f).canConvertToExactIntegral() || s.path(f).asLong() <= 0)) {
                checks.problem(ptr + "/" + f, f + " must be a positive integer");
            }
        }
    }
}
