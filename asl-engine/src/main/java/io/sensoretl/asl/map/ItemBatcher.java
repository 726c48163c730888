package io.sensoretl.asl.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;
import java.util.ArrayList;
import java.util.List;

/** Groups items into {"Items": [...], "BatchInput": ...} by MaxItemsPerBatch and MaxInputBytesPerBatch. */
public final class ItemBatcher {
    private ItemBatcher() {}

    public static List<JsonNode> batch(List<JsonNode> items, Long maxItems, Long maxBytes, JsonNode batchInput) {
        List<JsonNode> batches = new ArrayList<>();
        ArrayNode current = Json.array();
        long bytes = 0;
        for (JsonNode item : items) {
            long size = Json.byteSize(item);
            boolean full = (maxItems != null && current.size() >= maxItems)
                    || (maxBytes != null && !current.isEmpty() && bytes + size > maxBytes);
            if (full) {
                batches.add(wrap(current, batchInput));
                current = Json.array();
                bytes = 0;
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
