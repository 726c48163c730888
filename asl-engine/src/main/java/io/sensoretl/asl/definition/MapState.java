package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Map: runs the item processor per item, inline or distributed (child executions, item reader/writer).
 * itemsPath is JSONPath-only, items (a JSONata template) JSONata-only; reader, batcher and writer may be null.
 */
public record MapState(StateCommon common, StateMachineDefinition processor, boolean distributed,
                       ValueSource.Reference itemsPath, JsonNode items, JsonNode itemSelector, ItemReader itemReader,
                       ItemBatcher itemBatcher, ResultWriter resultWriter, MapLimits limits, String label,
                       JsonNode resultSelector, ResultPathSpec resultPath, ErrorHandling errorHandling)
        implements State {}
