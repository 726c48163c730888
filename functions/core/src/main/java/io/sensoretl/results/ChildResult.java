package io.sensoretl.results;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One child execution of the Distributed Map as the ResultWriter recorded it.
 *
 * @param status SUCCEEDED, FAILED (also TIMED_OUT/ABORTED) or PENDING
 * @param input  the child's input ({@code {"chunk": <descriptor>, ...}})
 * @param output the child's output when it succeeded, else {@code null}
 * @param error  the error name when it did not succeed, else {@code null}
 */
public record ChildResult(String status, JsonNode input, JsonNode output, String error, String cause) {

    public boolean succeeded() {
        return "SUCCEEDED".equals(status);
    }

    /** A child that caught its chunk's failure and sent the chunk to the dead-letter queue. */
    public boolean deadLettered() {
        return succeeded() && output != null && output.path("deadLettered").asBoolean(false);
    }

    /** The chunk's manifest index, from the child's input. */
    public int chunkIndex() {
        JsonNode index = input == null ? null : input.path("chunk").get("index");
        if (index == null || !index.canConvertToInt()) {
            throw new IllegalArgumentException("a map result has no chunk.index in its input: " + input);
        }
        return index.asInt();
    }
}
