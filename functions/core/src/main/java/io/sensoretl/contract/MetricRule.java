package io.sensoretl.contract;

/**
 * What a valid reading of one metric looks like.
 *
 * @param unit canonical unit readings are converted to
 * @param min  smallest valid value in the canonical unit, inclusive, or {@code null}
 * @param max  largest valid value in the canonical unit, inclusive, or {@code null}
 */
public record MetricRule(String unit, Double min, Double max) {}
