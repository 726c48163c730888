package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Small readers the state parsers share. */
final class Nodes {
    private Nodes() {}

    /** The field's text; null when absent or JSON null. */
    static String text(JsonNode node, String field) {
        return node.has(field) && !node.get(field).isNull() ? node.get(field).asText() : null;
    }

    /** Parameters in a JSONPath state, Arguments in a JSONata state; null when absent. */
    static JsonNode parameters(JsonNode state, QueryLanguage language) {
        return language == QueryLanguage.JSONATA ? state.get("Arguments") : state.get("Parameters");
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }
}
