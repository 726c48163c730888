package io.sensoretl.cli.executions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** One execution in a list: the ListExecutions fields, the same for local and AWS executions. */
public record ExecutionSummary(String name, String executionArn, String stateMachineArn, String status,
                               String startDate, String stopDate) {

    ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("name", name);
        o.put("executionArn", executionArn);
        o.put("stateMachineArn", stateMachineArn);
        o.put("status", status);
        o.put("startDate", startDate);
        if (stopDate == null) {
            o.putNull("stopDate");
        } else {
            o.put("stopDate", stopDate);
        }
        return o;
    }

    /** Wall time from start to stop (to now while running), or null when a date is unreadable. */
    Duration duration(Instant now) {
        try {
            Instant start = Instant.parse(startDate);
            Instant stop = stopDate == null || stopDate.isEmpty() ? now : Instant.parse(stopDate);
            return Duration.between(start, stop);
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }
}
