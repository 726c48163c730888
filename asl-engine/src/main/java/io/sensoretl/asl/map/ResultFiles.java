package io.sensoretl.asl.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;
import java.nio.charset.StandardCharsets;
import io.sensoretl.asl.services.ObjectStore;
import java.util.List;

/**
 * Writes Distributed Map results in AWS's layout: {Prefix}/{mapRunId}/SUCCEEDED_0.json,
 * FAILED_0.json, PENDING_0.json and manifest.json listing them.
 */
public final class ResultFiles {
    private final ObjectStore s3;

    public ResultFiles(ObjectStore s3) {
        this.s3 = s3;
    }

    /** @return the state result: {MapRunArn, ResultWriterDetails: {Bucket, Key}} */
    public JsonNode write(String bucket, String prefix, String mapRunArn, String stateMachineArn,
                          List<ChildExecution> children) {
        String runId = mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1);
        String base = (prefix == null || prefix.isEmpty() ? "" : (prefix.endsWith("/") ? prefix : prefix + "/")) + runId + "/";
        ObjectNode manifest = Json.object();
        manifest.put("DestinationBucket", bucket);
        manifest.put("MapRunArn", mapRunArn);
        ObjectNode files = manifest.putObject("ResultFiles");
        for (String status : List.of("FAILED", "PENDING", "SUCCEEDED")) {
            ArrayNode list = files.putArray(status);
            ArrayNode records = Json.array();
            for (ChildExecution c : children) {
                boolean matches = status.equals("SUCCEEDED") ? c.succeeded() : status.equals("FAILED") && !c.succeeded();
                if (matches) {
                    records.add(record(c, stateMachineArn));
                }
            }
            if (!records.isEmpty()) {
                String key = base + status + "_0.json";
                byte[] body = Json.write(records).getBytes(StandardCharsets.UTF_8);
                put(bucket, key, body);
                list.addObject().put("Key", key).put("Size", body.length);
            }
        }
        String manifestKey = base + "manifest.json";
        put(bucket, manifestKey, Json.write(manifest).getBytes(StandardCharsets.UTF_8));
        ObjectNode result = Json.object();
        result.put("MapRunArn", mapRunArn);
        result.putObject("ResultWriterDetails").put("Bucket", bucket).put("Key", manifestKey);
        return result;
    }

    private void put(String bucket, String key, byte[] body) {
        s3.put(bucket, key, body, "application/json");
    }

    private static ObjectNode record(ChildExecution c, String stateMachineArn) {
        ObjectNode o = Json.object();
        o.put("ExecutionArn", c.executionArn());
        o.put("Input", Json.write(c.input()));
        o.putObject("InputDetails").put("Included", true);
        o.put("Name", c.name());
        if (c.succeeded()) {
            o.put("Output", Json.write(c.output()));
            o.putObject("OutputDetails").put("Included", true);
        } else {
            o.put("Error", c.error());
            o.put("Cause", c.cause());
        }
        o.put("RedriveCount", 0);
        o.put("RedriveStatus", "NOT_REDRIVABLE");
        o.put("RedriveStatusReason", c.succeeded() ? "Execution is SUCCEEDED and cannot be redriven"
                : "Execution is part of a map run");
        o.put("StartDate", c.startDate());
        o.put("StateMachineArn", stateMachineArn);
        o.put("Status", c.status());
        o.put("StopDate", c.stopDate());
        return o;
    }
}
