package io.sensoretl.catalog;

/** A table column as the catalog (Hive/Athena) types it, e.g. {@code ts timestamp}. */
public record Column(String name, String type) {}
