package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;

/** A top-level Choices element: its rule and where it leads. */
public record ChoiceBranch(ChoiceRule rule, String next, JsonNode assign, JsonNode output) {}
