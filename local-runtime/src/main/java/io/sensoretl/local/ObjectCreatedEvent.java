package io.sensoretl.local;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The EventBridge "Object Created" event S3 delivers for an upload (bucket with EventBridge
 * notifications on), which is what starts the workflow on AWS; the local runtime builds the same.
 */
public final class ObjectCreatedEvent {
    private ObjectCreatedEvent() {}

    /** @param etag as HeadObject returns it (quotes are removed, as in the real event) */
    public static ObjectNode of(String bucket, String key, long size, String etag, Instant time, String region,
                                String account) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode event = f.objectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Object Created");
        event.put("source", "aws.s3");
        event.put("account", account);
        event.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", region);
        event.putArray("resources").add("arn:aws:s3:::" + bucket);
        ObjectNode detail = event.putObject("detail");
        detail.put("version", "0");
        detail.putObject("bucket").put("name", bucket);
        ObjectNode object = detail.putObject("object");
        object.put("key", key);
        object.put("size", size);
        object.put("etag", etag.replace("\"", ""));
        object.put("sequencer", HexFormat.of().toHexDigits(time.toEpochMilli()).toUpperCase(java.util.Locale.ROOT));
        detail.put("request-id", UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(java.util.Locale.ROOT));
        detail.put("requester", account);
        detail.put("source-ip-address", "127.0.0.1");
        detail.put("reason", "PutObject");
        return event;
    }
}
