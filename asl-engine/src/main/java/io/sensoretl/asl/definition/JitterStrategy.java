package io.sensoretl.asl.definition;

/** Retry jitter: FULL randomises each delay between 0 and its computed value. */
public enum JitterStrategy { FULL, NONE }
