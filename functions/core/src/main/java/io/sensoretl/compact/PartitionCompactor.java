package io.sensoretl.compact;

import io.sensoretl.catalog.PartitionCatalog;
import io.sensoretl.catalog.PartitionState;
import io.sensoretl.catalog.PartitionSwitch;
import io.sensoretl.latest.LatestLines;
import io.sensoretl.latest.NewestPerSeries;
import io.sensoretl.parquet.ParquetFiles;
import io.sensoretl.parquet.ReadingRows;
import io.sensoretl.reading.Reading;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies one run to one partition: merges the run's staged files with the partition's current
 * curated version into a new immutable version, switches the catalog to it, then deletes the old.
 *
 * <p>Exactly one copy of every record, whatever crashes: the new version's id is derived from (run,
 * current location), so a retry before the switch rewrites the same location; the switch records
 * the run it applied, so a retry after the switch only finishes the clean-up; and rows of this run
 * already present in the current version (a deliberate re-run) are replaced, not added.
 */
public final class PartitionCompactor {
    /** Partition parameters written with each switch. */
    public static final String APPLIED_RUN = "sensoretl.applied_run";
    public static final String COMPACTION_ID = "sensoretl.compaction_id";
    public static final String PREVIOUS_LOCATION = "sensoretl.previous_location";

    private final Blobs blobs;
    private final PartitionCatalog catalog;
    private final String table;
    /** Longer than the 15-minute Lambda limit, so it cannot expire under a live holder there. */
    public static final Duration LEASE = Duration.ofMinutes(20);

    private final CompactionConfig config;
    private final PartitionLocks locks;
    private final CrashPoint crash;

    public PartitionCompactor(Blobs blobs, PartitionCatalog catalog, String table, CompactionConfig config,
            PartitionLocks locks, CrashPoint crash) {
        this.blobs = blobs;
        this.catalog = catalog;
        this.table = table;
        this.config = config;
        this.locks = locks;
        this.crash = crash;
    }

    /**
     * Applies the run to the partition, holding the partition's lease (owned by the run, so a retry
     * of a crashed attempt takes it over at once).
     *
     * @throws PartitionBusyException when another run holds the partition
     */
    public CompactionOutcome compact(String runId, String dt) throws IOException {
        return compact(runId, dt, false);
    }

    /**
     * As {@link #compact(String, String)}; with {@code reapply} the run is applied again even if the
     * partition already records it, replacing the run's rows with everything it has staged now. A
     * redrive of dead-lettered chunks stages them under their run and re-applies the run this way.
     */
    public CompactionOutcome compact(String runId, String dt, boolean reapply) throws IOException {
        CuratedLayout.requireRunId(runId);
        CuratedLayout.requireDt(dt);
        String lock = table + "/dt=" + dt;
        if (!locks.tryLock(lock, runId, LEASE)) {
            throw new PartitionBusyException(table, dt, runId);
        }
        try {
            return compactHoldingLease(runId, dt, reapply);
        } finally {
            locks.unlock(lock, runId);
        }
    }

    private CompactionOutcome compactHoldingLease(String runId, String dt, boolean reapply) throws IOException {
        PartitionState current = catalog.partitions(table, List.of(dt)).get(dt);
        if (!reapply && current != null && runId.equals(current.parameters().get(APPLIED_RUN))) {
            // a retry after the switch: the data is in place, only the clean-up may be unfinished
            deleteAllVersionsBut(dt, current.location());
            return new CompactionOutcome(dt, CompactionOutcome.Status.ALREADY_APPLIED, current.location(),
                    parquetFiles(blobs.prefixOf(current.location())), 0, 0, 0, 0, false);
        }
        List<Blob> staged = parquetFiles(CuratedLayout.stagingPrefix(runId, dt));
        if (staged.isEmpty()) {
            return new CompactionOutcome(dt, CompactionOutcome.Status.NOTHING_STAGED,
                    current == null ? null : current.location(), List.of(), 0, 0, 0, 0, false);
        }
        String currentLocation = current == null ? null : current.location();
        String id = CompactionId.of(runId, currentLocation);
        String versionPrefix = CuratedLayout.versionPrefix(dt, id);
        blobs.delete(keys(blobs.list(versionPrefix)));
        crash.reached(CompactionStep.WRITING);

        Merged merged = writeVersion(runId, dt, staged, currentLocation, versionPrefix);
        crash.reached(CompactionStep.BEFORE_SWITCH);

        String location = blobs.location(versionPrefix);
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        parameters.put(APPLIED_RUN, runId);
        parameters.put(COMPACTION_ID, id);
        if (currentLocation != null) {
            parameters.put(PREVIOUS_LOCATION, currentLocation);
        }
        try {
            catalog.switchPartitions(table, List.of(new PartitionSwitch(dt, currentLocation, location, parameters)));
        } catch (RuntimeException e) {
            discardUnlessLive(dt, location, versionPrefix, e);
            throw e;
        }
        crash.reached(CompactionStep.SWITCHED);

        deleteAllVersionsBut(dt, location);
        crash.reached(CompactionStep.DONE);
        return new CompactionOutcome(dt, CompactionOutcome.Status.COMPACTED, location, merged.files,
                merged.stagedRows, merged.keptRows, merged.replacedRows, merged.spills, merged.resorted);
    }

    private record Merged(List<Blob> files, long stagedRows, long keptRows, long replacedRows, int spills,
            boolean resorted) {}

    private Merged writeVersion(String runId, String dt, List<Blob> staged, String currentLocation,
            String versionPrefix) throws IOException {
        List<Blob> curated = currentLocation == null ? List.of() : parquetFiles(blobs.prefixOf(currentLocation));
        try {
            return writeVersion(runId, dt, staged, curated, versionPrefix, true);
        } catch (CuratedRows.OutOfOrder e) {
            // written under another order (older code): nothing was published, sort everything instead
            blobs.delete(keys(blobs.list(versionPrefix)));
            return writeVersion(runId, dt, staged, curated, versionPrefix, false);
        }
    }

    /**
     * Sorts the staged rows (bounded memory, spilling to scratch) and merges them with the current
     * version's rows, which are merged as they are when {@code curatedSorted}, else sorted too.
     */
    private Merged writeVersion(String runId, String dt, List<Blob> staged, List<Blob> curated,
            String versionPrefix, boolean curatedSorted) throws IOException {
        Path scratch = Files.createDirectories(config.scratch()).resolve("compact-" + dt + "-" + System.nanoTime());
        Files.createDirectories(scratch);
        NewestPerSeries newest = new NewestPerSeries();
        // the runs whose rows are being applied now replace any of their rows already in the partition
        Set<String> applying = new HashSet<>(Set.of(runId));
        long stagedRows = 0;
        try (ExternalSort sort = new ExternalSort(scratch, config.sortBudgetBytes(), config.mergeFanIn(),
                ReadingOrder.CURATED)) {
            for (Blob blob : staged) {
                try (ReadingRows in = ParquetFiles.readingReader(blobs.input(blob))) {
                    for (Reading r; (r = in.read()) != null; ) {
                        sort.add(r);
                        newest.accept(r);
                        applying.add(r.runId());
                        stagedRows++;
                    }
                }
            }
            CuratedRows existing = new CuratedRows(blobs, curated, applying, curatedSorted ? ReadingOrder.CURATED : null);
            List<Blob> files;
            try (existing) {
                if (!curatedSorted) {
                    for (Reading r; (r = existing.next()) != null; ) {
                        sort.add(r);
                    }
                }
                List<RowSource> inputs = curatedSorted ? List.of(sort.sorted(), existing) : List.of(sort.sorted());
                try (RowSource rows = new KWayMerge(inputs, ReadingOrder.CURATED); TargetSizedParts parts =
                        new TargetSizedParts(blobs, versionPrefix, config.targetFileBytes())) {
                    boolean announced = false;
                    for (Reading r; (r = rows.next()) != null; ) {
                        parts.write(r);
                        if (!announced && parts.finishedParts() > 0) {
                            announced = true;
                            crash.reached(CompactionStep.PART_WRITTEN);
                        }
                    }
                    files = parts.finish();
                    if (!announced) {
                        crash.reached(CompactionStep.PART_WRITTEN);
                    }
                }
            }
            try (BlobOutput out = blobs.create(CuratedLayout.latestKey(runId, dt))) {
                LatestLines.write(newest.result(), out);
            }
            return new Merged(files, stagedRows, existing.kept, existing.replaced, sort.spills(), !curatedSorted);
        } finally {
            deleteTree(scratch);
        }
    }

    /**
     * After a failed switch, deletes the new version so a conflict leaves nothing behind, but only once
     * the catalog confirms it does not point there: a call that timed out may still have been applied,
     * and deleting a live version would leave readers with neither old nor new rows. When the catalog
     * cannot be read either, the files stay; the retry (same id) or a later clean-up removes them.
     */
    private void discardUnlessLive(String dt, String location, String versionPrefix, RuntimeException failure) {
        try {
            PartitionState now = catalog.partitions(table, List.of(dt)).get(dt);
            if (now == null || !now.location().equals(location)) {
                blobs.delete(keys(blobs.list(versionPrefix)));
            }
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Removes every version of the partition except the one just switched to and the one the catalog
     * points at now. They are the same unless another compaction switched in between (Glue offers no
     * compare-and-set); re-reading the catalog keeps such a race from deleting live data.
     */
    private void deleteAllVersionsBut(String dt, String location) throws IOException {
        List<String> keep = new ArrayList<>(List.of(blobs.prefixOf(location)));
        PartitionState now = catalog.partitions(table, List.of(dt)).get(dt);
        if (now != null && !now.location().equals(location) && now.location().startsWith(blobs.location(""))) {
            keep.add(blobs.prefixOf(now.location()));
        }
        List<String> stale = new ArrayList<>();
        for (Blob b : blobs.list(CuratedLayout.partitionPrefix(dt))) {
            if (keep.stream().noneMatch(b.key()::startsWith)) {
                stale.add(b.key());
            }
        }
        blobs.delete(stale);
    }

    private List<Blob> parquetFiles(String prefix) throws IOException {
        List<Blob> files = new ArrayList<>();
        for (Blob b : blobs.list(prefix)) {
            if (b.key().endsWith(".parquet")) {
                files.add(b);
            }
        }
        return files;
    }

    private static List<String> keys(List<Blob> blobs) {
        return blobs.stream().map(Blob::key).toList();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
