package io.sensoretl.compact;

import io.sensoretl.latest.LatestLines;
import io.sensoretl.parquet.ObjectInputFile;
import io.sensoretl.parquet.ReadingFile;
import io.sensoretl.reading.ReadingBatch;
import io.sensoretl.reading.Utf8Pool;
import io.sensoretl.store.ObjectOutput;
import io.sensoretl.store.ObjectStore;
import io.sensoretl.store.StoredObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes one slice of a partition's new version: the run's rows in the slice's key range (from the
 * staged files themselves, or from the groups' sorted runs) merged with the current version's rows
 * in that range, as curated parts {@code part-<slice>-<n>.parquet}, plus the run's newest reading per
 * series and a manifest, written last. Nothing becomes visible to readers here: the version is
 * published by one catalog switch once every slice is done.
 *
 * <p>Inputs are merged as they are when they are sorted: the current version (written in order by
 * this compactor) and staged files whose footer declares {@code (sensor_id, ts)} order. Each is
 * checked row by row; one that breaks its order is sorted instead, after the slice is started over.
 */
final class SliceTask {
    private final ObjectStore blobs;
    private final CompactionConfig config;
    private final CrashPoint crash;
    private final PlanFiles files;

    SliceTask(ObjectStore blobs, CompactionConfig config, CrashPoint crash) {
        this.blobs = blobs;
        this.config = config;
        this.crash = crash;
        this.files = new PlanFiles(blobs);
    }

    PlanFiles.SliceManifest run(CompactionPlan plan, int slice) throws IOException {
        if (slice < 0 || slice >= plan.slices().size()) {
            throw new IllegalArgumentException("dt=" + plan.dt() + " has slices 0.." + (plan.slices().size() - 1)
                    + ", not " + slice);
        }
        String parts = CuratedLayout.slicePartPrefix(plan.dt(), plan.compactionId(), slice);
        String latestKey = CuratedLayout.latestKey(plan.runId(), plan.dt(), slice);
        String manifestKey = CuratedLayout.sliceManifestKey(plan.runId(), plan.dt(), plan.compactionId(), slice);
        Set<String> baseKeys = new HashSet<>(GroupTask.keys(plan.baseParts()));
        Set<String> unsorted = new HashSet<>();
        boolean resortBase = false;
        while (true) {
            blobs.delete(List.of(manifestKey));
            blobs.delete(GroupTask.keys(blobs.list(parts)));
            crash.reached(CompactionStep.WRITING);
            try {
                PlanFiles.SliceManifest manifest = attempt(plan, slice, parts, latestKey, unsorted, resortBase);
                files.write(manifestKey, manifest);
                crash.reached(CompactionStep.SLICE_WRITTEN);
                return manifest;
            } catch (OutOfOrderException e) {
                if (baseKeys.contains(e.input()) && !resortBase) {
                    // a version written under another order (other tooling): sort its rows instead
                    resortBase = true;
                } else if (!plan.direct() || !unsorted.add(e.input())) {
                    // the groups' runs are sorted by construction: out of order there is a bug
                    throw e;
                }
            }
        }
    }

    private PlanFiles.SliceManifest attempt(CompactionPlan plan, int slice, String partsPrefix, String latestKey,
                                            Set<String> unsorted, boolean resortBase) throws IOException {
        KeyRange range = plan.slices().get(slice);
        KeyRange.Matcher bounds = range.matcher();
        Utf8Pool pool = new Utf8Pool();
        Path scratch = Files.createTempDirectory(Files.createDirectories(config.scratch()), "slice-");
        List<RowStream> inputs = new ArrayList<>();
        ConcatRows base = null;
        try (LocalSort stagedSort = new LocalSort(scratch.resolve("staged"), config.sortBudgetBytes(), config.mergeFanIn(), pool);
                LocalSort baseSort = new LocalSort(scratch.resolve("base"), config.sortBudgetBytes(), config.mergeFanIn(), pool)) {
            if (plan.direct()) {
                for (StoredObject blob : plan.staged()) {
                    ReadingFile file = ReadingFile.open(ObjectInputFile.of(blobs, blob), blob.key(), pool, bounds.minSensor(),
                            bounds.maxSensor());
                    boolean merge = file.declaresSensorTimeOrder() && !unsorted.contains(blob.key())
                            && inputs.size() < config.mergeFanIn() - 1;
                    ParquetRows rows = new ParquetRows(file, range, merge, ParquetRows.RunRows.REQUIRED, plan.runId(), pool);
                    if (merge) {
                        inputs.add(rows);
                    } else {
                        drain(rows, stagedSort);
                    }
                }
                inputs.addAll(stagedSort.sortedRuns());
            } else {
                for (int g = 0; g < plan.groups().size(); g++) {
                    PlanFiles.GroupManifest m = files.read(
                            CuratedLayout.groupManifestKey(plan.runId(), plan.dt(), plan.compactionId(), g),
                            PlanFiles.GroupManifest.class);
                    if (m == null) {
                        throw new IllegalStateException("group " + g + " of dt=" + plan.dt() + " (compaction "
                                + plan.compactionId() + ") has not finished: run every group before the slices");
                    }
                    StoredObject run = m.sliceRuns().size() > slice ? m.sliceRuns().get(slice) : null;
                    if (run != null) {
                        inputs.add(new RunFile.Reader(run.key(), ObjectInputFile.of(blobs, run).newStream(), pool));
                    }
                }
            }
            int stagedInputs = inputs.size();
            ConcatRows.Opener openBase = part -> new ParquetRows(ReadingFile.open(ObjectInputFile.of(blobs, part), part.key(), pool,
                    bounds.minSensor(), bounds.maxSensor()), range, !resortBase, ParquetRows.RunRows.DROPPED, plan.runId(), pool);
            base = new ConcatRows(plan.baseParts(), openBase);
            if (resortBase) {
                drain(base, baseSort);
                inputs.addAll(baseSort.sortedRuns());
            } else {
                inputs.add(base);
            }

            NewestRows newest = new NewestRows(pool);
            long[] counts = new long[2];
            List<StoredObject> written;
            try (TargetSizedParts parts = new TargetSizedParts(blobs, partsPrefix, config.targetFileBytes());
                    KWayMerge merge = new KWayMerge(inputs)) {
                inputs.clear();
                boolean[] announced = {false};
                merge.drainTo((b, r, in) -> {
                    parts.write(b, r);
                    if (in < stagedInputs) {
                        counts[0]++;
                        newest.accept(b, r);
                    } else {
                        counts[1]++;
                    }
                    if (!announced[0] && parts.finishedParts() > 0) {
                        announced[0] = true;
                        crash.reached(CompactionStep.PART_WRITTEN);
                    }
                });
                written = parts.finish();
                if (!announced[0]) {
                    crash.reached(CompactionStep.PART_WRITTEN);
                }
            }
            try (ObjectOutput out = blobs.create(latestKey)) {
                LatestLines.write(newest.result(), out);
            }
            return new PlanFiles.SliceManifest(slice, written, counts[0], counts[1], base.dropped,
                    stagedSort.spills() + baseSort.spills(), List.copyOf(unsorted), resortBase);
        } finally {
            for (RowStream s : inputs) {
                s.close();
            }
            if (base != null) {
                base.close();
            }
            GroupTask.deleteTree(scratch);
        }
    }

    private static void drain(RowStream rows, LocalSort sort) throws IOException {
        try (rows) {
            for (ReadingBatch b; (b = rows.next()) != null; ) {
                sort.addAll(b);
            }
        }
    }
}
