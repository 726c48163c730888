package io.sensoretl.catalog;

import java.util.List;

/**
 * A Parquet table partitioned by {@code dt}: what {@link PartitionCatalog#ensureTable} creates.
 *
 * @param location the table's root location; partitions live below it as {@code dt=YYYY-MM-DD/...}
 */
public record TableSpec(String name, String location, List<Column> columns, List<Column> partitionKeys) {
    public TableSpec {
        columns = List.copyOf(columns);
        partitionKeys = List.copyOf(partitionKeys);
    }
}
