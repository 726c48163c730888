package io.sensoretl.lambda;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The handlers' JSON: one mapper, tolerant of fields added to events by AWS or the workflow. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {}

    public static JsonNode read(InputStream in) throws IOException {
        JsonNode n = MAPPER.readTree(in);
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("expected a JSON object as the event, found " + (n == null ? "nothing" : n.getNodeType()));
        }
        return n;
    }

    public static void write(OutputStream out, Object value) throws IOException {
        MAPPER.writeValue(out, value);
    }

    /** A text field of the event, or {@code null} (absent, not text, or blank). */
    public static String field(JsonNode event, String field) {
        JsonNode n = event.get(field);
        return n != null && n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
    }

    /** A text field of the event; its absence is bad input, named with the event. */
    public static String required(JsonNode event, String field) {
        String v = field(event, field);
        if (v == null) {
            throw new IllegalArgumentException("missing '" + field + "' in the event " + event);
        }
        return v;
    }
}
