package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;

/** ResultPath: absent means "$" (the result replaces the input), an explicit null (a null path here) discards it. */
public record ResultPathSpec(ValueSource.Reference path) {
    public static final ResultPathSpec ROOT = new ResultPathSpec(ValueSource.Reference.parse("$"));
    public static final ResultPathSpec DISCARD = new ResultPathSpec(null);

    public boolean discard() {
        return path == null;
    }

    /** JSONata states and their catchers have no ResultPath (validation refuses it on the state); it stays "$". */
    static ResultPathSpec parse(JsonNode node, QueryLanguage language) {
        if (language == QueryLanguage.JSONATA || !node.has("ResultPath")) {
            return ROOT;
        }
        return node.get("ResultPath").isNull() ? DISCARD
                : new ResultPathSpec(ValueSource.Reference.parse(node.get("ResultPath").asText()));
    }
}
