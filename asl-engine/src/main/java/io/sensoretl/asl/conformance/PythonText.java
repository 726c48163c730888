package io.sensoretl.asl.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** str() of a JSON value as the recorded Python handlers render it (dicts with single quotes, True/None). */
final class PythonText {
    private PythonText() {}

    static String render(JsonNode n) {
        if (n == null || n.isNull()) {
            return "None";
        }
        if (n.isBoolean()) {
            return n.booleanValue() ? "True" : "False";
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isNumber()) {
            return n.isIntegralNumber() ? n.asText() : String.valueOf(n.doubleValue());
        }
        StringBuilder sb = new StringBuilder();
        if (n.isArray()) {
            sb.append('[');
            for (int i = 0; i < n.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(repr(n.get(i)));
            }
            return sb.append(']').toString();
        }
        sb.append('{');
        Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
        boolean first = true;
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            sb.append(first ? "" : ", ").append('\'').append(e.getKey()).append("': ").append(repr(e.getValue()));
            first = false;
        }
        return sb.append('}').toString();
    }

    private static String repr(JsonNode n) {
        return n.isTextual() ? "'" + n.textValue() + "'" : render(n);
    }
}
