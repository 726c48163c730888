package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;

/** Succeed: ends the machine (or branch/iteration) successfully. */
public record SucceedState(StateCommon common) implements State {

    public static SucceedState parse(StateCommon common, JsonNode s, Parsing parsing) {
        return new SucceedState(common);
    }
}
