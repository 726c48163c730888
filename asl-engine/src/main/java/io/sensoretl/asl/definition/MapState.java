package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Map: runs the item processor per item, inline or distributed (child executions, item reader/writer).
 * expressChildren: a Distributed Map's ExecutionType is EXPRESS (its children re-run from the start on a redrive).
 * itemsPath is JSONPath-only, items (a JSONata template) JSONata-only; reader, batcher and writer may be null.
 */
public record MapState(StateCommon common, StateMachineDefinition processor, boolean distributed,
                       boolean expressChildren, ValueSource.Reference itemsPath, JsonNode items, JsonNode itemSelector, ItemReader itemReader,
                       ItemBatcher itemBatcher, ResultWriter resultWriter, MapLimits limits, String label,
                       JsonNode resultSelector, ResultPathSpec resultPath, ErrorHandling errorHandling)
        implements State {

    public static MapState parse(StateCommon common, JsonNode s, Parsing parsing) {
        QueryLanguage ql = common.queryLanguage();
        JsonNode processor = s.has("ItemProcessor") ? s.get("ItemProcessor") : s.get("Iterator");
        boolean distributed = "DISTRIBUTED".equals(processor.path("ProcessorConfig").path("Mode").asText());
        boolean express = "EXPRESS".equals(processor.path("ProcessorConfig").path("ExecutionType").asText());
        // Parameters is the pre-2023 name of ItemSelector
        JsonNode selector = s.has("ItemSelector") ? s.get("ItemSelector") : s.get("Parameters");
        String itemsPath = Nodes.text(s, "ItemsPath");
        return new MapState(common, parsing.machine(processor), distributed, express,
                itemsPath == null ? null : ValueSource.Reference.parse(itemsPath), s.get("Items"), selector,
                s.has("ItemReader") ? ItemReader.parse(s.get("ItemReader"), ql) : null,
                s.has("ItemBatcher") ? ItemBatcher.parse(s.get("ItemBatcher"), ql) : null,
                s.has("ResultWriter") ? ResultWriter.parse(s.get("ResultWriter"), ql) : null, MapLimits.parse(s),
                Nodes.text(s, "Label"), s.get("ResultSelector"), ResultPathSpec.parse(s, ql), ErrorHandling.parse(s, ql));
    }

    public static void check(JsonNode s, StateChecks checks) {
        String ptr = checks.pointer();
        String field = s.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        if (!s.has(field)) {
            checks.problem(ptr, "Map needs an ItemProcessor");
        } else {
            checks.machine(s.get(field), ptr + "/" + field);
        }
        if (!checks.jsonata()) {
            nestedPath(s, checks, "ItemReader", "ReaderConfig", "MaxItemsPath");
            nestedPath(s, checks, "ItemBatcher", "MaxItemsPerBatchPath");
            nestedPath(s, checks, "ItemBatcher", "MaxInputBytesPerBatchPath");
        }
    }

    /** A reference path nested in an object field, e.g. ItemReader/ReaderConfig/MaxItemsPath. */
    private static void nestedPath(JsonNode s, StateChecks checks, String... steps) {
        JsonNode node = s;
        for (String step : steps) {
            node = node.path(step);
        }
        if (node.isMissingNode()) {
            return;
        }
        String at = checks.pointer() + "/" + String.join("/", steps);
        if (!node.isTextual()) {
            checks.problem(at, "must be a reference path string");
            return;
        }
        try {
            ValueSource.Reference.parse(node.asText());
        } catch (IllegalArgumentException e) {
            checks.problem(at, e.getMessage());
        }
    }
}
