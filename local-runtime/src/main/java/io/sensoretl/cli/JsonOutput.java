package io.sensoretl.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * How commands print their {@code --json} results: one object, camelCase field names (as AWS APIs
 * have them), stable, and versioned by {@link #SCHEMA_VERSION} (see docs/cli.md, "JSON output").
 */
public final class JsonOutput {
    /**
     * The version of the {@code --json} documents, in each as {@code schemaVersion}. It goes up when a
     * field is removed, renamed or changes meaning; added fields do not change it.
     */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private JsonOutput() {}

    /** A command's {@code --json} result: the value as an object with {@code schemaVersion} first. */
    public static String document(Object value) {
        JsonNode tree = MAPPER.valueToTree(value);
        if (!(tree instanceof ObjectNode fields)) {
            throw new IllegalArgumentException("a --json document is an object, not " + tree.getNodeType());
        }
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("schemaVersion", SCHEMA_VERSION);
        fields.remove("schemaVersion");
        doc.setAll(fields);
        return line(doc);
    }

    /** Any value as one line of JSON (event payloads, files); command results use {@link #document}. */
    public static String line(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
