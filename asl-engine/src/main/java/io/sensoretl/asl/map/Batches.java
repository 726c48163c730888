package io.sensoretl.asl.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups items into {"BatchInput": ..., "Items": [...]} by MaxItemsPerBatch and MaxInputBytesPerBatch;
 * the byte limit applies to the whole batch as the child receives it, BatchInput included.
 */
public final class Batches {
    private Batches() {}

    public static List<JsonNode> batch(List<JsonNode> items, Long maxItems, Long maxBytes, JsonNode batchInput) {
        List<JsonNode> batches = new ArrayList<>();
        long emptyBatch = Json.byteSize(wrap(Json.array(), batchInput));
        ArrayNode current = Json.array();
        long bytes = emptyBatch;
        for (JsonNode item : items) {
            long size = Json.byteSize(item) + (current.isEmpty() ? 0 : 1);
            boolean full = (maxItems != null && current.size() >= maxItems)
                    || (maxBytes != null && !current.isEmpty() && bytes + size > maxBytes);
            if (full) {
                batches.add(wrap(current, batchInput));
                current = Json.array();
                bytes = emptyBatch;
                size = Json.byteSize(item);
            }
            current.add(item);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(wrap(current, batchInput));
        }
        return batches;
    }

    private static JsonNode wrap(ArrayNode items, JsonNode batchInput) {
        ObjectNode o = Json.object();
        if (batchInput != null) {
            o.set("BatchInput", batchInput);
        }
        o.set("Items", items);
        return o;
    }
}
