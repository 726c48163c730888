package io.sensoretl.asl.definition;

import java.util.List;

/** One element of a Retry array. */
public record Retrier(List<String> errorEquals, double intervalSeconds, int maxAttempts, double backoffRate,
                      Long maxDelaySeconds, JitterStrategy jitterStrategy) {}
