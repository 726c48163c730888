package io.sensoretl.asl.definition;

/**
 * Wait: Seconds or SecondsPath, else Timestamp or TimestampPath (exactly one of the four, checked at load).
 * In a JSONata state Seconds and Timestamp are JSONata templates.
 */
public record WaitState(StateCommon common, ValueSource seconds, ValueSource timestamp) implements State {}
