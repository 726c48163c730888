package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;

/** A Distributed Map's ItemBatcher: batch limits and the BatchInput template every batch carries. */
public record ItemBatcher(BatchLimit maxItemsPerBatch, BatchLimit maxInputBytesPerBatch, JsonNode batchInput) {

    /** The batching of one run; a null limit does not apply, a null batchInput is left out. */
    public record Resolved(Long maxItems, Long maxBytes, JsonNode batchInput) {}

    static ItemBatcher parse(JsonNode batcher, QueryLanguage language) {
        return new ItemBatcher(BatchLimit.parse(batcher, "MaxItemsPerBatch", language),
                BatchLimit.parse(batcher, "MaxInputBytesPerBatch", language), batcher.get("BatchInput"));
    }

    public Resolved resolve(ValueContext context) {
        Long maxItems = maxItemsPerBatch.resolve(context);
        Long maxBytes = maxInputBytesPerBatch.resolve(context);
        JsonNode input = batchInput == null ? null : context.template(batchInput, "BatchInput");
        if (maxItems == null && maxBytes == null) {
            throw context.runtimeError("ItemBatcher needs MaxItemsPerBatch or MaxInputBytesPerBatch.");
        }
        return new Resolved(maxItems, maxBytes, input);
    }
}
