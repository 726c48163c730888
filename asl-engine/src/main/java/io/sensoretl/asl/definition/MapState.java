package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;

/** Map: runs the item processor per item, inline or distributed (child executions, item reader/writer). */
public record MapState(StateCommon common, StateMachineDefinition processor, boolean distributed,
                       String itemsPath, JsonNode items, JsonNode itemSelector, JsonNode itemReader,
                       JsonNode itemBatcher, JsonNode resultWriter, MapLimits limits, String label,
                       JsonNode resultSelector, ResultPathSpec resultPath, ErrorHandling errorHandling)
        implements State {}
