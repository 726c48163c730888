package io.sensoretl.asl.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** ItemReader over S3: s3:getObject (JSON, JSONL, CSV) and s3:listObjectsV2, through the AWS SDK v2 client. */
public final class S3ItemReader {
    public static final String GET_OBJECT = "arn:aws:states:::s3:getObject";
    public static final String LIST_OBJECTS = "arn:aws:states:::s3:listObjectsV2";
    private final S3Client s3;

    public S3ItemReader(S3Client s3) {
        this.s3 = s3;
    }

    public ArrayNode read(String resource, JsonNode parameters, ReaderConfig config) {
        if (s3 == null) {
            throw new ItemReaderFailure("No S3 client is configured for this engine, so ItemReader cannot read "
                    + parameters);
        }
        if (config.maxItems() != null && config.maxItems() < 0) {
            throw new ItemReaderFailure("field MaxItems must be positive");
        }
        ArrayNode items;
        try {
            items = switch (resource) {
                case GET_OBJECT -> ItemParsers.parse(get(parameters), config);
                case LIST_OBJECTS -> list(parameters);
                default -> throw new ItemReaderFailure("ItemReader Resource '" + resource + "' is not supported (use "
                        + GET_OBJECT + " or " + LIST_OBJECTS + ")");
            };
        } catch (SdkException e) {
            throw new ItemReaderFailure("S3 request failed: " + e.getMessage());
        }
        long limit = config.maxItems() == null || config.maxItems() == 0 ? ReaderConfig.MAX_ITEMS_LIMIT
                : Math.min(config.maxItems(), ReaderConfig.MAX_ITEMS_LIMIT);
        if (items.size() > limit) {
            ArrayNode cut = Json.array();
            for (int i = 0; i < limit; i++) {
                cut.add(items.get(i));
            }
            return cut;
        }
        return items;
    }

    private String get(JsonNode p) {
        String bucket = p.path("Bucket").asText();
        String key = p.path("Key").asText();
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asString(StandardCharsets.UTF_8);
    }

    private ArrayNode list(JsonNode p) {
        ArrayNode out = Json.array();
        String token = null;
        do {
            ListObjectsV2Request.Builder req = ListObjectsV2Request.builder().bucket(p.path("Bucket").asText());
            if (p.hasNonNull("Prefix")) {
                req.prefix(p.get("Prefix").asText());
            }
            if (token != null) {
                req.continuationToken(token);
            }
            ListObjectsV2Response resp = s3.listObjectsV2(req.build());
            for (S3Object o : resp.contents()) {
                ObjectNode item = out.addObject();
                item.put("Etag", o.eTag());
                item.put("Key", o.key());
                item.put("LastModified", o.lastModified() == null ? null : o.lastModified().toString());
                item.put("Size", o.size());
                item.put("StorageClass", o.storageClassAsString());
            }
            token = Boolean.TRUE.equals(resp.isTruncated()) ? resp.nextContinuationToken() : null;
        } while (token != null);
        return out;
    }
}
