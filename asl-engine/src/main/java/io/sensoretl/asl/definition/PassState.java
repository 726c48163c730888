package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;

/** Pass: passes input to output, optionally injecting Result or shaping with Parameters. */
public record PassState(StateCommon common, JsonNode result, JsonNode parameters, ResultPathSpec resultPath)
        implements State {

    public static PassState parse(StateCommon common, JsonNode s, Parsing parsing) {
        QueryLanguage ql = common.queryLanguage();
        return new PassState(common, s.get("Result"), Nodes.parameters(s, ql), ResultPathSpec.parse(s, ql));
    }
}
