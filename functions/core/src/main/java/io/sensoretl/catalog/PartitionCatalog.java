package io.sensoretl.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where query engines learn which partitions a table has and where each one's files are. Glue on
 * AWS ({@code GluePartitionCatalog}), JSON files locally ({@code LocalPartitionCatalog}).
 *
 * <p>Switching a partition's location is the single step that makes compacted data visible, so
 * readers see either the old or the new files of a partition, never a mix.
 */
public interface PartitionCatalog {

    /** Creates the table if it does not exist; an existing table is left as it is. */
    void ensureTable(TableSpec table);

    /** The current state of the given partitions; partitions that are not registered are absent. */
    Map<String, PartitionState> partitions(String table, Collection<String> dts);

    /** Every partition of the table, ordered by {@code dt}. */
    List<PartitionState> listPartitions(String table);

    /**
     * Adds new partitions and relocates existing ones. A switch whose partition is no longer at its
     * expected location fails with {@link PartitionConflictException}; one already applied is a no-op.
     */
    void switchPartitions(String table, List<PartitionSwitch> switches);
}
