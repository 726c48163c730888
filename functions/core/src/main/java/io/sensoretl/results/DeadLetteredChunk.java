package io.sensoretl.results;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A chunk that did not make it into the run: where it went, and why. */
public record DeadLetteredChunk(
        @JsonProperty("chunk") int chunk,
        @JsonProperty("error") String error,
        @JsonProperty("inDeadLetterQueue") boolean inDeadLetterQueue) {}
