package io.sensoretl.local;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * One dead-lettered chunk as the workflow's "Send chunk to dead-letter queue" state wrote it:
 * {@code {"chunk": <descriptor>, "outputBucket", "contract"?, "executionId", "error", "cause"}}.
 *
 * @param message         the error message of the Lambda failure, taken out of the cause where it has one
 * @param deadLetteredAt  when the workflow sent it to the queue (ISO-8601, from SQS's SentTimestamp); null if unknown
 */
public record DeadLetter(
        @JsonProperty("messageId") String messageId,
        @JsonIgnore String receiptHandle,
        @JsonProperty("runId") String runId,
        @JsonProperty("chunk") int chunk,
        @JsonProperty("source") String source,
        @JsonProperty("start") long start,
        @JsonProperty("end") long end,
        @JsonProperty("executionId") String executionId,
        @JsonProperty("error") String error,
        @JsonProperty("message") String message,
        @JsonProperty("deadLetteredAt") String deadLetteredAt,
        @JsonIgnore ObjectNode body) {

    /** @param sentAt when SQS received the message, or null */
    public static DeadLetter parse(String messageId, String receiptHandle, String text, java.time.Instant sentAt,
                                   ObjectMapper mapper) {
        JsonNode body;
        try {
            body = mapper.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("dead-letter message " + messageId + " is not JSON: " + e.getMessage());
        }
        JsonNode chunk = body.path("chunk");
        if (!body.isObject() || !chunk.isObject() || !chunk.has("index") || !chunk.has("runId")) {
            throw new IllegalArgumentException("dead-letter message " + messageId
                    + " is not a chunk descriptor message (expected chunk.runId and chunk.index): " + text);
        }
        return new DeadLetter(messageId, receiptHandle, chunk.path("runId").asText(), chunk.path("index").asInt(),
                "s3://" + chunk.path("bucket").asText() + "/" + chunk.path("key").asText(), chunk.path("start").asLong(),
                chunk.path("end").asLong(), body.path("executionId").asText(null), body.path("error").asText(null),
                messageOf(body.path("cause").asText(null), mapper), sentAt == null ? null : sentAt.toString(),
                (ObjectNode) body);
    }

    /** Lambda causes are {@code {"errorMessage","errorType","stackTrace"}} as text; other causes are kept whole. */
    private static String messageOf(String cause, ObjectMapper mapper) {
        if (cause == null) {
            return null;
        }
        try {
            JsonNode n = mapper.readTree(cause);
            if (n != null && n.has("errorMessage")) {
                return n.path("errorMessage").asText();
            }
        } catch (IOException e) {
            // not JSON: the cause is the message
        }
        return cause;
    }

    /** The transform event that failed: the message without the error fields. */
    public ObjectNode transformEvent() {
        ObjectNode event = body.deepCopy();
        event.remove("error");
        event.remove("cause");
        event.remove("executionId");
        return event;
    }
}
