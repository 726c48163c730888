package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;

/** Wait: exactly one of Seconds, SecondsPath, Timestamp, TimestampPath. */
public record WaitState(StateCommon common, JsonNode seconds, String secondsPath, JsonNode timestamp,
                        String timestampPath) implements State {}
