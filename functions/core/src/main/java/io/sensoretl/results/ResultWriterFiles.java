package io.sensoretl.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sensoretl.store.ObjectStore;
import io.sensoretl.store.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a Distributed Map's ResultWriter left in the object store: {@code manifest.json} naming
 * the {@code SUCCEEDED_n.json} / {@code FAILED_n.json} / {@code PENDING_n.json} files, each a JSON
 * array of child executions whose {@code Input} and {@code Output} are JSON text.
 */
public final class ResultWriterFiles {
    private static final List<String> STATUSES = List.of("SUCCEEDED", "FAILED", "PENDING");

    private final ObjectStore blobs;
    private final ObjectMapper mapper;

    public ResultWriterFiles(ObjectStore blobs, ObjectMapper mapper) {
        this.blobs = blobs;
        this.mapper = mapper;
    }

    public List<ChildResult> read(String manifestKey) throws IOException {
        JsonNode manifest = json(manifestKey);
        JsonNode files = manifest.path("ResultFiles");
        if (!files.isObject()) {
            throw new IllegalArgumentException(manifestKey + " is not a ResultWriter manifest: no ResultFiles object");
        }
        List<ChildResult> children = new ArrayList<>();
        for (String status : STATUSES) {
            for (JsonNode file : files.path(status)) {
                String key = file.path("Key").asText();
                JsonNode records = json(key);
                if (!records.isArray()) {
                    throw new IllegalArgumentException(key + ": expected a JSON array of child executions, found "
                            + records.getNodeType());
                }
                for (JsonNode r : records) {
                    children.add(child(key, r));
                }
            }
        }
        return children;
    }

    private ChildResult child(String file, JsonNode record) throws IOException {
        String status = record.path("Status").asText(null);
        if (status == null) {
            throw new IllegalArgumentException(file + ": a child execution without Status: " + record);
        }
        JsonNode input = embedded(record.get("Input"));
        JsonNode output = embedded(record.get("Output"));
        return new ChildResult(status, input, output, record.path("Error").asText(null), record.path("Cause").asText(null));
    }

    /** Input and Output are JSON documents serialised as strings. */
    private JsonNode embedded(JsonNode field) throws IOException {
        if (field == null || field.isNull()) {
            return null;
        }
        return field.isTextual() ? mapper.readTree(field.textValue()) : field;
    }

    private JsonNode json(String key) throws IOException {
        StoredObject blob = blobs.list(key).stream().filter(b -> b.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("map results file not found: " + blobs.location(key)));
        try (InputStream in = blobs.read(blob.key(), 0, -1, null)) {
            return mapper.readTree(in);
        }
    }
}
