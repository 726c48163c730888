package io.sensoretl.asl.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The result of running one vector. */
public record VectorOutcome(String name, List<String> features, boolean passed, JsonNode expected, JsonNode got,
                            List<String> mismatches) {}
