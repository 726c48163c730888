package io.sensoretl.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;
import java.time.Instant;

/**
 * A state machine as CreateStateMachine/UpdateStateMachine left it: its definition exactly as sent (text), role,
 * type and dates. {@code revisionId} changes with every update.
 */
record StoredStateMachine(String arn, String name, String definition, String roleArn, String type,
                          Instant creationDate, Instant updateDate, String revisionId) {

    ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("stateMachineArn", arn);
        o.put("name", name);
        o.put("definition", definition);
        o.put("roleArn", roleArn);
        o.put("type", type);
        o.put("creationDate", creationDate.toString());
        if (updateDate != null) {
            o.put("updateDate", updateDate.toString());
        }
        o.put("revisionId", revisionId);
        return o;
    }

    static StoredStateMachine fromJson(JsonNode o) {
        return new StoredStateMachine(o.path("stateMachineArn").asText(), o.path("name").asText(),
                o.path("definition").asText(), o.path("roleArn").asText(), o.path("type").asText("STANDARD"),
                Instant.parse(o.path("creationDate").asText()),
                o.hasNonNull("updateDate") ? Instant.parse(o.get("updateDate").asText()) : null,
                o.path("revisionId").asText());
    }
}
