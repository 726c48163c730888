package io.sensoretl.asl.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.services.ObjectStore;
import io.sensoretl.asl.services.ObjectStoreException;
import java.nio.charset.StandardCharsets;

/** ItemReader over S3: s3:getObject (JSON, JSONL, CSV) and s3:listObjectsV2, through the engine's ObjectStore. */
public final class S3ItemReader {
    public static final String GET_OBJECT = "arn:aws:states:::s3:getObject";
    public static final String LIST_OBJECTS = "arn:aws:states:::s3:listObjectsV2";
    private final ObjectStore s3;

    public S3ItemReader(ObjectStore s3) {
        this.s3 = s3;
    }

    public ArrayNode read(String resource, JsonNode parameters, ReaderSettings config) {
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
        } catch (ObjectStoreException e) {
            throw new ItemReaderFailure("S3 request failed: " + e.getMessage());
        }
        long limit = config.maxItems() == null || config.maxItems() == 0 ? ReaderSettings.MAX_ITEMS_LIMIT
                : Math.min(config.maxItems(), ReaderSettings.MAX_ITEMS_LIMIT);
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
        return new String(s3.get(p.path("Bucket").asText(), p.path("Key").asText()), StandardCharsets.UTF_8);
    }

    private ArrayNode list(JsonNode p) {
        ArrayNode out = Json.array();
        String prefix = p.hasNonNull("Prefix") ? p.get("Prefix").asText() : null;
        for (ObjectStore.ObjectSummary o : s3.list(p.path("Bucket").asText(), prefix)) {
            ObjectNode item = out.addObject();
            item.put("Etag", o.eTag());
            item.put("Key", o.key());
            item.put("LastModified", o.lastModified() == null ? null : o.lastModified().toString());
            item.put("Size", o.size());
            item.put("StorageClass", o.storageClass());
        }
        return out;
    }
}
