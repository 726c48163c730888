package io.sensoretl.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.ledger.RunKey;

/** Reading the run's identity out of the finalisation handlers' events. */
final class RunEvents {
    private RunEvents() {}

    /** From {@code bucket/key/etag} fields, or from an EventBridge S3 "Object Created" {@code detail}. */
    static RunKey runKey(JsonNode event) {
        JsonNode detail = event.path("detail");
        if (detail.has("bucket") && detail.has("object")) {
            return new RunKey(detail.path("bucket").path("name").asText(), detail.path("object").path("key").asText(),
                    detail.path("object").path("etag").asText());
        }
        return new RunKey(required(event, "bucket"), required(event, "key"), required(event, "etag"));
    }

    /** The source object's key, from the event or its EventBridge {@code detail}; {@code null} if absent. */
    static String sourceKey(JsonNode event) {
        JsonNode detailKey = event.path("detail").path("object").path("key");
        return detailKey.isTextual() ? detailKey.asText() : Json.field(event, "key");
    }

    static String required(JsonNode event, String field) {
        String v = Json.field(event, field);
        if (v == null) {
            throw new IllegalArgumentException("missing '" + field + "' in the event " + event);
        }
        return v;
    }
}
