package io.sensoretl.asl.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.services.ObjectStore;
import io.sensoretl.asl.services.ObjectStoreException;
import io.sensoretl.asl.services.TaskRequest;
import io.sensoretl.asl.services.TaskResource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The AWS SDK integrations {@code arn:aws:states:::aws-sdk:s3:getObject}, {@code putObject} and
 * {@code listObjectsV2} over the engine's {@link ObjectStore} (the local S3, or any S3 the engine is given).
 * Parameters and results use the S3 API's member names, as the SDK integration does; a parameter this
 * implementation does not honour fails the task with States.Runtime naming it rather than being ignored.
 * S3's errors become {@code S3.<code>Exception} (e.g. {@code S3.NoSuchKeyException}), as on AWS.
 */
public final class S3SdkIntegration implements TaskResource {
    static final String PREFIX = "arn:aws:states:::aws-sdk:s3:";
    private static final Map<String, Set<String>> PARAMETERS = Map.of(
            "getObject", Set.of("Bucket", "Key"),
            "putObject", Set.of("Bucket", "Key", "Body", "ContentType"),
            "listObjectsV2", Set.of("Bucket", "Prefix", "MaxKeys", "StartAfter", "ContinuationToken"));
    private static final int MAX_KEYS = 1000;

    private final ObjectStore objects;

    public S3SdkIntegration(ObjectStore objects) {
        this.objects = objects;
    }

    @Override
    public boolean handles(String resource) {
        return resource.startsWith(PREFIX) && PARAMETERS.containsKey(resource.substring(PREFIX.length()));
    }

    @Override
    public JsonNode invoke(TaskRequest request) {
        String action = request.resource().substring(PREFIX.length());
        JsonNode p = request.parameters() == null ? Json.object() : request.parameters();
        Set<String> unknown = new TreeSet<>();
        for (Iterator<String> names = p.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!PARAMETERS.get(action).contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new FailureException(StatesErrorName.RUNTIME, "The state '" + request.stateName() + "' passes " + unknown
                    + " to " + request.resource() + ", which the local engine does not honour (it takes "
                    + new TreeSet<>(PARAMETERS.get(action)) + "); mock the state to run it locally");
        }
        String bucket = text(p, "Bucket", request);
        try {
            return switch (action) {
                case "getObject" -> getObject(bucket, text(p, "Key", request));
                case "putObject" -> putObject(bucket, text(p, "Key", request), p.get("Body"),
                        p.path("ContentType").isTextual() ? p.get("ContentType").textValue() : null);
                default -> listObjectsV2(bucket, p, request);
            };
        } catch (ObjectStoreException e) {
            String code = e.errorCode() == null ? "S3" : e.errorCode();
            throw new FailureException("S3." + code + (code.endsWith("Exception") ? "" : "Exception"), e.getMessage());
        }
    }

    private JsonNode getObject(String bucket, String key) {
        byte[] body = objects.get(bucket, key);
        ObjectNode out = Json.object();
        out.put("Body", new String(body, StandardCharsets.UTF_8));
        out.put("ContentLength", body.length);
        out.put("ETag", "\"" + Md5.hex(body) + "\"");
        return out;
    }

    private JsonNode putObject(String bucket, String key, JsonNode body, String contentType) {
        // a JSON body is stored as its text, as Step Functions serialises it
        byte[] bytes = (body == null || body.isNull() ? "" : body.isTextual() ? body.textValue() : Json.write(body))
                .getBytes(StandardCharsets.UTF_8);
        objects.put(bucket, key, bytes, contentType);
        ObjectNode out = Json.object();
        out.put("ETag", "\"" + Md5.hex(bytes) + "\"");
        return out;
    }

    private JsonNode listObjectsV2(String bucket, JsonNode p, TaskRequest request) {
        String prefix = p.path("Prefix").isTextual() ? p.get("Prefix").textValue() : null;
        int maxKeys = MAX_KEYS;
        if (p.has("MaxKeys")) {
            if (!p.get("MaxKeys").canConvertToInt() || p.get("MaxKeys").asInt() < 0) {
                throw new FailureException(StatesErrorName.RUNTIME, "MaxKeys of the state '" + request.stateName()
                        + "' must be a whole number from 0, got " + p.get("MaxKeys"));
            }
            maxKeys = Math.min(MAX_KEYS, p.get("MaxKeys").asInt());
        }
        // keys after this one: the continuation token (opaque to callers) carries the last key of the page before
        String after = p.path("StartAfter").isTextual() ? p.get("StartAfter").textValue() : null;
        if (p.path("ContinuationToken").isTextual()) {
            try {
                after = new String(Base64.getUrlDecoder().decode(p.get("ContinuationToken").textValue()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new FailureException("S3.S3Exception", "The continuation token provided is incorrect (Service: S3, "
                        + "Status Code: 400, Error Code: InvalidArgument)");
            }
        }
        List<ObjectStore.ObjectSummary> all = objects.list(bucket, prefix);
        ObjectNode out = Json.object();
        ArrayNode contents = Json.array();
        int count = 0;
        boolean truncated = false;
        String last = null;
        for (ObjectStore.ObjectSummary o : all) {
            if (after != null && o.key().compareTo(after) <= 0) {
                continue;
            }
            if (count == maxKeys) {
                truncated = true;
                break;
            }
            ObjectNode c = contents.addObject();
            if (o.eTag() != null) {
                c.put("ETag", o.eTag());
            }
            c.put("Key", o.key());
            if (o.lastModified() != null) {
                c.put("LastModified", o.lastModified().toString());
            }
            if (o.size() != null) {
                c.put("Size", o.size());
            }
            c.put("StorageClass", o.storageClass() == null ? "STANDARD" : o.storageClass());
            last = o.key();
            count++;
        }
        if (count > 0) {
            out.set("Contents", contents);
        }
        if (p.path("ContinuationToken").isTextual()) {
            out.put("ContinuationToken", p.get("ContinuationToken").textValue());
        }
        out.put("IsTruncated", truncated);
        out.put("KeyCount", count);
        out.put("MaxKeys", maxKeys);
        out.put("Name", bucket);
        if (truncated) {
            out.put("NextContinuationToken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(last.getBytes(StandardCharsets.UTF_8)));
        }
        out.put("Prefix", prefix == null ? "" : prefix);
        if (p.path("StartAfter").isTextual()) {
            out.put("StartAfter", p.get("StartAfter").textValue());
        }
        return out;
    }

    private static String text(JsonNode p, String name, TaskRequest request) {
        if (!p.path(name).isTextual() || p.get(name).textValue().isEmpty()) {
            throw new FailureException(StatesErrorName.RUNTIME, request.resource() + " in state '" + request.stateName()
                    + "' needs " + name + " (a string), got " + (p.has(name) ? p.get(name).toString() : "none"));
        }
        return p.get(name).textValue();
    }
}
