package io.sensoretl.cost;

import java.util.Set;

/**
 * One shipped query run once over the dump's data: bytes Athena scans over the curated Parquet
 * (the referenced columns only) versus over the raw dump (a JSON table reads every byte).
 */
public record AthenaQueryCost(String query, String table, Set<String> columns, long curatedBytes, long rawBytes,
                              double curatedUsd, double rawUsd) {}
