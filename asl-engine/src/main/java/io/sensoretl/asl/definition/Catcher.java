package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One element of a Catch array; output and assign are JSONata-only, resultPath JSONPath-only. */
public record Catcher(List<String> errorEquals, String next, ResultPathSpec resultPath, JsonNode output, JsonNode assign) {}
