package io.sensoretl.asl.definition;

/** Succeed: ends the machine (or branch/iteration) successfully. */
public record SucceedState(StateCommon common) implements State {}
