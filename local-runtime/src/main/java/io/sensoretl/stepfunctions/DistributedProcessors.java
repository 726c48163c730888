package io.sensoretl.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Finds a Distributed Map's ItemProcessor in a definition by the name its child executions' state machine carries
 * (the Map's {@code Label}, or its state name without one), looking inside Parallel branches and item processors.
 */
final class DistributedProcessors {
    private DistributedProcessors() {}

    /** The ItemProcessor (or legacy Iterator) of the DISTRIBUTED Map so labelled; null when there is none. */
    static JsonNode find(JsonNode machine, String label) {
        for (var entry : machine.path("States").properties()) {
            JsonNode state = entry.getValue();
            if (!state.isObject()) {
                continue;
            }
            JsonNode processor = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.get("Iterator");
            if ("Map".equals(state.path("Type").asText()) && processor != null) {
                String name = state.hasNonNull("Label") ? state.get("Label").asText() : entry.getKey();
                if (name.equals(label) && "DISTRIBUTED".equals(processor.path("ProcessorConfig").path("Mode").asText())) {
                    return processor;
                }
                JsonNode inner = find(processor, label);
                if (inner != null) {
                    return inner;
                }
            }
            for (JsonNode branch : state.path("Branches")) {
                JsonNode inner = find(branch, label);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }
}
