package io.sensoretl.cost;

/** One memory size for one function: seconds per invocation and the function's Lambda cost for the run. */
public record MemoryChoice(int memoryMb, double secondsPerInvocation, double gbSeconds, double usd) {}
