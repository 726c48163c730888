package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Choice: the first matching branch decides the next state, else Default, else States.NoChoiceMatched. */
public record ChoiceState(StateCommon common, List<ChoiceBranch> choices, String defaultNext) implements State {

    public static ChoiceState parse(StateCommon common, JsonNode s, Parsing parsing) {
        List<ChoiceBranch> choices = new ArrayList<>();
        for (JsonNode c : s.path("Choices")) {
            choices.add(new ChoiceBranch(ChoiceRule.parse(c), c.path("Next").asText(), c.get("Assign"), c.get("Output")));
        }
        return new ChoiceState(common, List.copyOf(choices), Nodes.text(s, "Default"));
    }

    public static void check(JsonNode s, StateChecks checks) {
        ChoiceChecks.check(s, checks);
    }
}
