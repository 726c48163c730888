package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Parallel: runs every branch on the same input; the result is the array of branch outputs. */
public record ParallelState(StateCommon common, List<StateMachineDefinition> branches, JsonNode parameters,
                            JsonNode resultSelector, ResultPathSpec resultPath, ErrorHandling errorHandling)
        implements State {}
