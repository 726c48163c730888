package io.sensoretl.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.chunk.SourceVersion;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The EventBridge "Object Created" event S3 sends for an upload (a bucket with EventBridge
 * notifications on): what starts the workflow on AWS, and what the local runtime sends. Parsed once
 * into this record wherever a function accepts it; {@link #toJson()} writes it as S3 does.
 *
 * @param etag without quotes, as the event carries it
 */
public record ObjectCreated(String id, Instant time, String region, String account, String bucket, String key,
                            long size, String etag, String sequencer, String requestId, String requester,
                            String sourceIpAddress, String reason) {
    public static final String DETAIL_TYPE = "Object Created";

    /**
     * The upload an event describes, when it is an Object Created event (it has {@code detail.bucket.name}
     * and {@code detail.object.key}); empty for any other JSON.
     */
    public static Optional<ObjectCreated> from(JsonNode event) {
        JsonNode detail = event.path("detail");
        JsonNode object = detail.path("object");
        if (!detail.path("bucket").path("name").isTextual() || !object.path("key").isTextual()) {
            return Optional.empty();
        }
        return Optional.of(new ObjectCreated(text(event, "id"), time(event), text(event, "region"), text(event, "account"),
                detail.path("bucket").path("name").asText(), object.path("key").asText(), object.path("size").asLong(0),
                object.path("etag").isTextual() ? object.path("etag").asText().replace("\"", "") : null,
                text(object, "sequencer"), text(detail, "request-id"), text(detail, "requester"),
                text(detail, "source-ip-address"), text(detail, "reason")));
    }

    /**
     * The event of an upload made now from this machine (the local runtime): a fresh event id and
     * request id, the sequencer from the time.
     *
     * @param etag as HeadObject returns it (quotes are removed, as in the real event)
     */
    public static ObjectCreated upload(String bucket, String key, long size, String etag, Instant time, String region,
                                       String account) {
        Instant second = time.truncatedTo(ChronoUnit.SECONDS);
        return new ObjectCreated(UUID.randomUUID().toString(), second, region, account, bucket, key, size,
                etag.replace("\"", ""), HexFormat.of().toHexDigits(time.toEpochMilli()).toUpperCase(Locale.ROOT),
                UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT), account,
                "127.0.0.1", "PutObject");
    }

    /** The run this upload is: one version of one object. */
    public SourceVersion sourceVersion() {
        if (etag == null) {
            throw new IllegalArgumentException("the Object Created event of s3://" + bucket + "/" + key + " has no detail.object.etag");
        }
        return new SourceVersion(bucket, key, etag);
    }

    /** The event as EventBridge delivers it. */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode event = f.objectNode();
        event.put("version", "0");
        event.put("id", id);
        event.put("detail-type", DETAIL_TYPE);
        event.put("source", "aws.s3");
        event.put("account", account);
        event.put("time", time == null ? null : time.toString());
        event.put("region", region);
        event.putArray("resources").add("arn:aws:s3:::" + bucket);
        ObjectNode detail = event.putObject("detail");
        detail.put("version", "0");
        detail.putObject("bucket").put("name", bucket);
        ObjectNode object = detail.putObject("object");
        object.put("key", key);
        object.put("size", size);
        object.put("etag", etag);
        object.put("sequencer", sequencer);
        detail.put("request-id", requestId);
        detail.put("requester", requester);
        detail.put("source-ip-address", sourceIpAddress);
        detail.put("reason", reason);
        return event;
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.path(field).asText() : null;
    }

    private static Instant time(JsonNode event) {
        try {
            return event.path("time").isTextual() ? Instant.parse(event.path("time").asText()) : null;
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("the Object Created event's time is not an ISO-8601 instant: "
                    + event.path("time").asText(), e);
        }
    }
}
