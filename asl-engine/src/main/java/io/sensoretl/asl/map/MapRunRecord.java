package io.sensoretl.asl.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.definition.MapLimits;
import io.sensoretl.asl.json.Json;
import java.util.List;
import java.util.Objects;

/** A finished map run in the shape of DescribeMapRun; a null child is an item never started after the run failed. */
public final class MapRunRecord {
    private MapRunRecord() {}

    public static JsonNode of(String mapRunArn, String executionArn, List<ChildExecution> children, boolean failed,
                              String startDate, String stopDate, MapLimits.Resolved limits, boolean written) {
        long succeeded = children.stream().filter(c -> c != null && c.succeeded()).count();
        long failedCount = children.stream().filter(c -> c != null && !c.succeeded()).count();
        long notRun = children.stream().filter(Objects::isNull).count();
        ObjectNode o = Json.object();
        o.put("mapRunArn", mapRunArn);
        o.put("executionArn", executionArn);
        o.put("status", failed ? "FAILED" : "SUCCEEDED");
        o.put("startDate", startDate);
        o.put("stopDate", stopDate);
        o.put("maxConcurrency", limits.maxConcurrency());
        o.put("toleratedFailurePercentage",
                limits.toleratedFailurePercentage() == null ? 0.0 : limits.toleratedFailurePercentage());
        o.put("toleratedFailureCount", limits.toleratedFailureCount() == null ? 0 : limits.toleratedFailureCount());
        for (String counts : List.of("itemCounts", "executionCounts")) {
            ObjectNode c = o.putObject(counts);
            c.put("pending", 0);
            c.put("running", 0);
            c.put("succeeded", succeeded);
            c.put("failed", failedCount);
            c.put("timedOut", 0);
            c.put("aborted", notRun);
            c.put("total", children.size());
            c.put("resultsWritten", written && !failed ? succeeded + failedCount : 0);
        }
        return o;
    }
}
