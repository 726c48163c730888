package io.sensoretl.asl.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;

/** Event detail objects in the field names GetExecutionHistory uses. */
public final class EventDetails {
    private EventDetails() {}

    /** {name?, input|output: "<json text>", inputDetails|outputDetails: {truncated: false}}. */
    public static ObjectNode payload(String field, JsonNode value) {
        ObjectNode o = Json.object();
        o.put(field, Json.write(value));
        o.putObject(field + "Details").put("truncated", false);
        return o;
    }

    public static ObjectNode state(String name, String field, JsonNode value) {
        ObjectNode o = Json.object();
        o.put("name", name);
        o.setAll(payload(field, value));
        return o;
    }

    /** {assignedVariables: {name: "<json text>"}, assignedVariablesDetails: {truncated: false}} of a StateExited event. */
    public static ObjectNode assignedVariables(java.util.Map<String, JsonNode> assigned) {
        ObjectNode o = Json.object();
        ObjectNode vars = o.putObject("assignedVariables");
        assigned.forEach((name, value) -> vars.put(name, Json.write(value)));
        o.putObject("assignedVariablesDetails").put("truncated", false);
        return o;
    }

    public static ObjectNode failure(String error, String cause) {
        ObjectNode o = Json.object();
        if (error != null) {
            o.put("error", error);
        }
        if (cause != null) {
            o.put("cause", cause);
        }
        return o;
    }

    /**
     * Service integrations are named by type and action, as AWS records them: arn:aws:states:::lambda:invoke is
     * resourceType "lambda", resource "invoke"; arn:aws:states:::states:startExecution.sync:2 is "states",
     * "startExecution.sync:2"; an SDK integration, arn:aws:states:::aws-sdk:s3:putObject, is "aws-sdk:s3", "putObject".
     */
    public static ObjectNode resource(String resourceArn) {
        ObjectNode o = Json.object();
        String integration = resourceArn.startsWith(INTEGRATIONS) ? resourceArn.substring(INTEGRATIONS.length()) : "";
        int type = integration.indexOf(':');
        if (type > 0 && integration.startsWith("aws-sdk:")) {
            type = integration.indexOf(':', "aws-sdk:".length());
        }
        if (type > 0 && type < integration.length() - 1) {
            o.put("resourceType", integration.substring(0, type));
            o.put("resource", integration.substring(type + 1));
        } else {
            o.put("resource", resourceArn);
        }
        return o;
    }

    private static final String INTEGRATIONS = "arn:aws:states:::";
}
