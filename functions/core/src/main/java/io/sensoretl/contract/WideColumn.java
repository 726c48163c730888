package io.sensoretl.contract;

/** A value column of a wide row, unpivoted into a reading of {@code metric} in {@code unit}. */
public record WideColumn(FieldRef value, String metric, String unit) {}
