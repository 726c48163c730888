package io.sensoretl.cost;

/**
 * The memory size recommended for one function: the cheapest within {@code slowdown} of the
 * fastest, with the fastest for comparison and the reasoning in words.
 */
public record MemoryRecommendation(String function, MemoryChoice chosen, MemoryChoice fastest, double slowdown,
                                   int minMemoryMb, String explanation) {}
