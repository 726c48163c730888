package io.sensoretl.catalog.aws;

import io.sensoretl.catalog.Column;
import io.sensoretl.catalog.PartitionCatalog;
import io.sensoretl.catalog.PartitionConflictException;
import io.sensoretl.catalog.PartitionState;
import io.sensoretl.catalog.PartitionSwitch;
import io.sensoretl.catalog.TableSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionResponse;
import software.amazon.awssdk.services.glue.model.BatchGetPartitionResponse;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionRequestEntry;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionResponse;
import software.amazon.awssdk.services.glue.model.GetPartitionsResponse;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.PartitionError;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.PartitionValueList;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * The Glue Data Catalog as the partition catalog Athena reads.
 *
 * <p>Idempotent throughout: an existing table or a partition already at the wanted location is
 * success, so a retried finalisation converges. Batch calls respect Glue's limits (100 partitions
 * per BatchCreatePartition / BatchUpdatePartition, 1000 keys per BatchGetPartition) and every call
 * is retried by the SDK's retry strategy ({@link io.sensoretl.aws.AwsClients}).
 *
 * <p>Glue has no conditional partition update, so the expected-location check of a switch is a
 * read just before the write: it catches a compaction that finished earlier, not one racing in the
 * same milliseconds. Runs that touch the same partition concurrently must therefore be serialised
 * upstream (see docs/finalisation.md).
 */
public final class GluePartitionCatalog implements PartitionCatalog {
    static final int MAX_WRITE_BATCH = 100;
    static final int MAX_GET_BATCH = 1000;

    static final String PARQUET_INPUT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
    static final String PARQUET_OUTPUT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";
    static final String PARQUET_SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";

    private final GlueClient glue;
    private final String database;
    private final Map<String, StorageDescriptor> tableDescriptors = new ConcurrentHashMap<>();

    public GluePartitionCatalog(GlueClient glue, String database) {
        this.glue = glue;
        this.database = database;
    }

    @Override
    public void ensureTable(TableSpec table) {
        TableInput input = TableInput.builder()
                .name(table.name())
                .tableType("EXTERNAL_TABLE")
                .parameters(Map.of("classification", "parquet", "EXTERNAL", "TRUE", "parquet.compression", "ZSTD"))
                .partitionKeys(glueColumns(table.partitionKeys()))
                .storageDescriptor(descriptor(glueColumns(table.columns()), table.location()))
                .build();
        try {
            glue.createTable(b -> b.databaseName(database).tableInput(input));
        } catch (AlreadyExistsException existing) {
            // idempotent: the table definition is owned by whoever created it first (or the template)
        }
    }

    @Override
    public Map<String, PartitionState> partitions(String table, Collection<String> dts) {
        List<String> wanted = List.copyOf(new LinkedHashSet<>(dts));
        Map<String, PartitionState> found = new LinkedHashMap<>();
        for (int i = 0; i < wanted.size(); i += MAX_GET_BATCH) {
            List<PartitionValueList> keys = wanted.subList(i, Math.min(wanted.size(), i + MAX_GET_BATCH)).stream()
                    .map(dt -> PartitionValueList.builder().values(dt).build()).toList();
            while (!keys.isEmpty()) {
                List<PartitionValueList> batch = keys;
                BatchGetPartitionResponse response = glue.batchGetPartition(b -> b.databaseName(database).tableName(table)
                        .partitionsToGet(batch));
                response.partitions().forEach(p -> found.put(p.values().get(0), toState(p)));
                // Glue may leave keys unprocessed under load; they are asked for again
                keys = response.hasUnprocessedKeys() ? response.unprocessedKeys() : List.of();
            }
        }
        Map<String, PartitionState> ordered = new LinkedHashMap<>();
        wanted.stream().filter(found::containsKey).forEach(dt -> ordered.put(dt, found.get(dt)));
        return ordered;
    }

    @Override
    public List<PartitionState> listPartitions(String table) {
        List<PartitionState> out = new ArrayList<>();
        String token = null;
        do {
            String from = token;
            GetPartitionsResponse page = glue.getPartitions(b -> b.databaseName(database).tableName(table).nextToken(from));
            page.partitions().forEach(p -> out.add(toState(p)));
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        out.sort(Comparator.comparing(PartitionState::dt));
        return out;
    }

    @Override
    public void switchPartitions(String table, List<PartitionSwitch> switches) {
        Map<String, PartitionState> current = partitions(table, switches.stream().map(PartitionSwitch::dt).toList());
        List<PartitionSwitch> creates = new ArrayList<>();
        List<PartitionSwitch> updates = new ArrayList<>();
        for (PartitionSwitch s : switches) {
            PartitionState now = current.get(s.dt());
            String actual = now == null ? null : now.location();
            if (Objects.equals(actual, s.location())) {
                continue; // a retry of a switch that already happened
            }
            if (!Objects.equals(actual, s.expectedLocation())) {
                throw new PartitionConflictException(table, s.dt(), s.expectedLocation(), actual);
            }
            (now == null ? creates : updates).add(s);
        }
        if (creates.isEmpty() && updates.isEmpty()) {
            return;
        }
        StorageDescriptor tableDescriptor = tableDescriptor(table);
        for (int i = 0; i < creates.size(); i += MAX_WRITE_BATCH) {
            create(table, tableDescriptor, creates.subList(i, Math.min(creates.size(), i + MAX_WRITE_BATCH)));
        }
        for (int i = 0; i < updates.size(); i += MAX_WRITE_BATCH) {
            update(table, tableDescriptor, updates.subList(i, Math.min(updates.size(), i + MAX_WRITE_BATCH)));
        }
    }

    private void create(String table, StorageDescriptor sd, List<PartitionSwitch> batch) {
        List<PartitionInput> inputs = batch.stream().map(s -> partitionInput(sd, s)).toList();
        BatchCreatePartitionResponse response = glue.batchCreatePartition(b -> b.databaseName(database).tableName(table)
                .partitionInputList(inputs));
        List<String> raced = new ArrayList<>();
        for (PartitionError error : response.errors()) {
            String dt = error.partitionValues().get(0);
            if ("AlreadyExistsException".equals(error.errorDetail().errorCode())) {
                raced.add(dt);
            } else {
                throw failure("add", table, dt, error);
            }
        }
        if (!raced.isEmpty()) {
            // created by someone else between our read and write: fine only if it is our location
            Map<String, PartitionState> now = partitions(table, raced);
            for (PartitionSwitch s : batch) {
                if (raced.contains(s.dt()) && (now.get(s.dt()) == null
                        || !s.location().equals(now.get(s.dt()).location()))) {
                    throw new PartitionConflictException(table, s.dt(), null,
                            now.get(s.dt()) == null ? null : now.get(s.dt()).location());
                }
            }
        }
    }

    private void update(String table, StorageDescriptor sd, List<PartitionSwitch> batch) {
        List<BatchUpdatePartitionRequestEntry> entries = batch.stream()
                .map(s -> BatchUpdatePartitionRequestEntry.builder()
                        .partitionValueList(s.dt())
                        .partitionInput(partitionInput(sd, s))
                        .build())
                .toList();
        BatchUpdatePartitionResponse response = glue.batchUpdatePartition(b -> b.databaseName(database).tableName(table)
                .entries(entries));
        if (response.hasErrors() && !response.errors().isEmpty()) {
            var error = response.errors().get(0);
            throw new IllegalStateException("Glue refused to relocate partition dt=" + error.partitionValueList().get(0)
                    + " of " + database + "." + table + ": " + error.errorDetail().errorCode() + " "
                    + error.errorDetail().errorMessage());
        }
    }

    private StorageDescriptor tableDescriptor(String table) {
        return tableDescriptors.computeIfAbsent(table,
                t -> glue.getTable(b -> b.databaseName(database).name(t)).table().storageDescriptor());
    }

    /** A partition's descriptor is the table's with its own location: Athena reads format and SerDe from it. */
    private static PartitionInput partitionInput(StorageDescriptor tableSd, PartitionSwitch s) {
        return PartitionInput.builder()
                .values(s.dt())
                .storageDescriptor(tableSd.toBuilder().location(s.location()).build())
                .parameters(s.parameters())
                .build();
    }

    private static StorageDescriptor descriptor(List<software.amazon.awssdk.services.glue.model.Column> columns,
            String location) {
        return StorageDescriptor.builder()
                .columns(columns)
                .location(location)
                .inputFormat(PARQUET_INPUT)
                .outputFormat(PARQUET_OUTPUT)
                .serdeInfo(SerDeInfo.builder().serializationLibrary(PARQUET_SERDE)
                        .parameters(Map.of("serialization.format", "1")).build())
                .build();
    }

    private static List<software.amazon.awssdk.services.glue.model.Column> glueColumns(List<Column> columns) {
        return columns.stream()
                .map(c -> software.amazon.awssdk.services.glue.model.Column.builder().name(c.name()).type(c.type()).build())
                .toList();
    }

    private static PartitionState toState(Partition p) {
        return new PartitionState(p.values().get(0), p.storageDescriptor().location(), p.parameters());
    }

    private IllegalStateException failure(String action, String table, String dt, PartitionError error) {
        return new IllegalStateException("Glue refused to " + action + " partition dt=" + dt + " of " + database + "."
                + table + ": " + error.errorDetail().errorCode() + " " + error.errorDetail().errorMessage());
    }
}
