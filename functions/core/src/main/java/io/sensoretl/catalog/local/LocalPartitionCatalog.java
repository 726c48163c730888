package io.sensoretl.catalog.local;

import com.fasterxml.jackson.databind.JavaType;
import io.sensoretl.catalog.PartitionCatalog;
import io.sensoretl.catalog.PartitionConflictException;
import io.sensoretl.catalog.PartitionState;
import io.sensoretl.catalog.PartitionSwitch;
import io.sensoretl.catalog.TableSpec;
import io.sensoretl.localstore.JsonFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The catalog of the local runtime: one JSON file per table under {@code <data>/catalog/}, holding
 * the table definition and its partitions. Switches are checked and applied under a lock, so the
 * expected-location check is a true compare-and-set here.
 */
public final class LocalPartitionCatalog implements PartitionCatalog {

    /** The persisted form of one table. */
    public record TableFile(TableSpec table, TreeMap<String, PartitionState> partitions) {}

    private static final JavaType TYPE = JsonFiles.JSON.constructType(TableFile.class);

    private final Path dir;

    public LocalPartitionCatalog(Path dataDir) {
        this.dir = dataDir.resolve("catalog");
    }

    @Override
    public void ensureTable(TableSpec table) {
        JsonFiles.locked(lock(table.name()), () -> {
            TableFile current = JsonFiles.read(file(table.name()), TYPE, () -> null);
            if (current == null) {
                JsonFiles.writeAtomically(file(table.name()), new TableFile(table, new TreeMap<>()));
            }
            return null;
        });
    }

    @Override
    public Map<String, PartitionState> partitions(String table, Collection<String> dts) {
        TableFile t = existing(table);
        Map<String, PartitionState> out = new LinkedHashMap<>();
        for (String dt : dts) {
            PartitionState p = t.partitions().get(dt);
            if (p != null) {
                out.put(dt, p);
            }
        }
        return out;
    }

    @Override
    public List<PartitionState> listPartitions(String table) {
        return new ArrayList<>(existing(table).partitions().values());
    }

    @Override
    public void switchPartitions(String table, List<PartitionSwitch> switches) {
        JsonFiles.locked(lock(table), () -> {
            TableFile t = existing(table);
            TreeMap<String, PartitionState> next = new TreeMap<>(t.partitions());
            // all checks before any change: a conflicting batch changes nothing
            for (PartitionSwitch s : switches) {
                PartitionState now = next.get(s.dt());
                String actual = now == null ? null : now.location();
                if (!Objects.equals(actual, s.expectedLocation()) && !Objects.equals(actual, s.location())) {
                    throw new PartitionConflictException(table, s.dt(), s.expectedLocation(), actual);
                }
                next.put(s.dt(), new PartitionState(s.dt(), s.location(), s.parameters()));
            }
            JsonFiles.writeAtomically(file(table), new TableFile(t.table(), next));
            return null;
        });
    }

    private TableFile existing(String table) {
        TableFile t = JsonFiles.read(file(table), TYPE, () -> null);
        if (t == null) {
            throw new IllegalStateException("table " + table + " does not exist in the local catalog " + dir
                    + "; ensureTable first");
        }
        return t;
    }

    private Path file(String table) {
        return dir.resolve(requireName(table) + ".json");
    }

    private Path lock(String table) {
        return dir.resolve("." + requireName(table) + ".lock");
    }

    private static String requireName(String table) {
        if (!table.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("table name must be lower-case letters, digits and _, got " + table);
        }
        return table;
    }
}
