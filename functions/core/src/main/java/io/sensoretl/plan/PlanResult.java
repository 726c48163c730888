package io.sensoretl.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the plan step returns to the workflow: where the manifest is and how big the run is, never
 * the chunks themselves, so the state payload stays tiny whatever the dump size.
 */
public record PlanResult(
        @JsonProperty("runId") String runId,
        @JsonProperty("manifestBucket") String manifestBucket,
        @JsonProperty("manifestKey") String manifestKey,
        @JsonProperty("objects") int objects,
        @JsonProperty("emptyObjects") int emptyObjects,
        @JsonProperty("chunks") int chunks,
        @JsonProperty("bytes") long bytes) {}
