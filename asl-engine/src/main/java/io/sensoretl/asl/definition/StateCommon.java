package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;

/** The fields every state type shares; JSONata-only and JSONPath-only fields are null when unused. */
public record StateCommon(String name, String type, QueryLanguage queryLanguage, Transition transition,
                          PathSpec inputPath, PathSpec outputPath, JsonNode assign, JsonNode output) {}
