package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Fail: ends the execution with an error and cause, static, from ErrorPath/CausePath (a path or an intrinsic,
 * evaluated like a ".$" payload field), or from JSONata.
 */
public record FailState(StateCommon common, JsonNode error, String errorPath, JsonNode cause, String causePath)
        implements State {

    public static FailState parse(StateCommon common, JsonNode s, Parsing parsing) {
        return new FailState(common, s.get("Error"), Nodes.text(s, "ErrorPath"), s.get("Cause"), Nodes.text(s, "CausePath"));
    }
}
