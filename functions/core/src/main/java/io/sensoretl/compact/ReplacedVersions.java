package io.sensoretl.compact;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sensoretl.catalog.PartitionCatalog;
import io.sensoretl.catalog.PartitionState;
import io.sensoretl.store.ObjectStore;
import io.sensoretl.store.StoredObject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Keeps curated versions the catalog no longer points at readable for a grace period, then deletes
 * them. A query engine resolves a partition to its location when it plans a query and lists and
 * reads the files there afterwards; deleting a version right after the switch would make a query
 * that planned before it fail with a missing object. The grace period must be longer than the
 * longest query the workgroup allows.
 *
 * <p>When a version is retired, a marker {@code curated/readings/_replaced/dt=<dt>/v=<id>.json}
 * records the time, and its objects are tagged ({@link ObjectStore#tagReplaced}): on AWS a bucket
 * lifecycle rule on that tag expires them even if no run comes along; every publish also sweeps the
 * markers whose grace is over (which is the rule locally). The version the catalog points at is
 * never deleted, whatever a marker says.
 */
final class ReplacedVersions {
    private final ObjectStore blobs;
    private final PartitionCatalog catalog;
    private final String table;
    private final Duration grace;
    private final Clock clock;
    private final PlanFiles files;

    ReplacedVersions(ObjectStore blobs, PartitionCatalog catalog, String table, Duration grace, Clock clock) {
        this.blobs = blobs;
        this.catalog = catalog;
        this.table = table;
        this.grace = grace;
        this.clock = clock;
        this.files = new PlanFiles(blobs);
    }

    record Marker(@JsonProperty("dt") String dt, @JsonProperty("compactionId") String compactionId,
                  @JsonProperty("replacedAtMillis") long replacedAtMillis) {}

    /**
     * Marks every version of the partition replaced except {@code keep} and the one the catalog
     * points at now (they differ only if another compaction switched in between), then deletes
     * whatever's grace is over. Returns the versions deleted.
     */
    List<String> retire(String dt, String keep) throws IOException {
        Set<String> live = new HashSet<>();
        live.add(blobs.prefixOf(keep));
        PartitionState now = catalog.partitions(table, List.of(dt)).get(dt);
        if (now != null && now.location().startsWith(blobs.location(""))) {
            live.add(blobs.prefixOf(now.location()));
        }
        Map<String, List<String>> versions = versions(dt);
        for (Map.Entry<String, List<String>> v : versions.entrySet()) {
            if (live.contains(v.getKey())) {
                continue;
            }
            String id = v.getKey().substring(CuratedLayout.partitionPrefix(dt).length() + 2, v.getKey().length() - 1);
            String marker = CuratedLayout.replacedMarker(dt, id);
            if (files.read(marker, Marker.class) == null) {
                blobs.tagReplaced(v.getValue());
                files.write(marker, new Marker(dt, id, clock.millis()));
            }
        }
        return sweep();
    }

    /** Deletes every replaced version whose grace period is over (any partition). */
    List<String> sweep() throws IOException {
        long now = clock.millis();
        Map<String, Marker> due = new TreeMap<>();
        for (StoredObject b : blobs.list(CuratedLayout.REPLACED_ROOT)) {
            if (!b.key().endsWith(".json")) {
                continue;
            }
            Marker m = files.read(b.key(), Marker.class);
            if (m != null && m.replacedAtMillis() + grace.toMillis() <= now) {
                due.put(b.key(), m);
            }
        }
        if (due.isEmpty()) {
            return List.of();
        }
        TreeSet<String> dts = new TreeSet<>();
        due.values().forEach(m -> dts.add(m.dt()));
        Map<String, PartitionState> current = catalog.partitions(table, dts);
        List<String> deleted = new ArrayList<>();
        for (Map.Entry<String, Marker> e : due.entrySet()) {
            Marker m = e.getValue();
            String prefix = CuratedLayout.versionPrefix(m.dt(), m.compactionId());
            PartitionState p = current.get(m.dt());
            if (p == null || !blobs.location(prefix).equals(p.location())) {
                blobs.delete(GroupTask.keys(blobs.list(prefix)));
                deleted.add(prefix);
            }
            blobs.delete(List.of(e.getKey()));
        }
        return deleted;
    }

    /** The partition's version directories ({@code .../dt=<dt>/v=<id>/}) and their objects. */
    private Map<String, List<String>> versions(String dt) throws IOException {
        String partition = CuratedLayout.partitionPrefix(dt);
        Map<String, List<String>> versions = new LinkedHashMap<>();
        for (StoredObject b : blobs.list(partition)) {
            String rest = b.key().substring(partition.length());
            int slash = rest.indexOf('/');
            if (rest.startsWith("v=") && slash > 2) {
                versions.computeIfAbsent(partition + rest.substring(0, slash + 1), k -> new ArrayList<>()).add(b.key());
            }
        }
        return versions;
    }
}
