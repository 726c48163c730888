package io.sensoretl.asl.definition;

import java.util.List;

/** Choice: the first matching branch decides the next state, else Default, else States.NoChoiceMatched. */
public record ChoiceState(StateCommon common, List<ChoiceBranch> choices, String defaultNext) implements State {}
