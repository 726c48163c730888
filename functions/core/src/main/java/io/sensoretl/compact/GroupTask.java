package io.sensoretl.compact;

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
 * The first level of a sliced compaction: one group of a run's staged files is sorted (files that
 * declare their order are merged as they are, the others sorted locally) and cut at the slice
 * boundaries into one sorted run per slice, stored next to the plan. Slices then merge one run per
 * group instead of every staged file, which bounds what a slice opens whatever the partition's size.
 */
final class GroupTask {
    private final ObjectStore blobs;
    private final CompactionConfig config;
    private final CrashPoint crash;
    private final PlanFiles files;

    GroupTask(ObjectStore blobs, CompactionConfig config, CrashPoint crash) {
        this.blobs = blobs;
        this.config = config;
        this.crash = crash;
        this.files = new PlanFiles(blobs);
    }

    PlanFiles.GroupManifest run(CompactionPlan plan, int group) throws IOException {
        if (group < 0 || group >= plan.groups().size()) {
            throw new IllegalArgumentException("dt=" + plan.dt() + " has groups 0.." + (plan.groups().size() - 1)
                    + ", not " + group);
        }
        String prefix = CuratedLayout.planFilesPrefix(plan.runId(), plan.dt(), plan.compactionId())
                + String.format("g-%05d/", group);
        String manifestKey = CuratedLayout.groupManifestKey(plan.runId(), plan.dt(), plan.compactionId(), group);
        Set<String> unsorted = new HashSet<>();
        while (true) {
            blobs.delete(keys(blobs.list(prefix)));
            blobs.delete(List.of(manifestKey));
            try {
                PlanFiles.GroupManifest manifest = attempt(plan, group, unsorted);
                files.write(manifestKey, manifest);
                crash.reached(CompactionStep.GROUP_WRITTEN);
                return manifest;
            } catch (OutOfOrderException e) {
                // a staged file declared an order it does not have: sort it instead of merging it
                if (!unsorted.add(e.input())) {
                    throw e;
                }
            }
        }
    }

    private PlanFiles.GroupManifest attempt(CompactionPlan plan, int group, Set<String> unsorted) throws IOException {
        Utf8Pool pool = new Utf8Pool();
        Path scratch = Files.createTempDirectory(Files.createDirectories(config.scratch()), "group-");
        List<RowStream> inputs = new ArrayList<>();
        try (LocalSort sort = new LocalSort(scratch, config.sortBudgetBytes(), config.mergeFanIn(), pool)) {
            for (int index : plan.groups().get(group)) {
                StoredObject blob = plan.staged().get(index);
                ReadingFile file = ReadingFile.open(ObjectInputFile.of(blobs, blob), blob.key(), pool);
                boolean merge = file.declaresSensorTimeOrder() && !unsorted.contains(blob.key())
                        && inputs.size() < config.mergeFanIn() - 1;
                ParquetRows rows = new ParquetRows(file, KeyRange.ALL, merge, ParquetRows.RunRows.REQUIRED, plan.runId(), pool);
                if (merge) {
                    inputs.add(rows);
                } else {
                    try (rows) {
                        for (ReadingBatch b; (b = rows.next()) != null; ) {
                            sort.addAll(b);
                        }
                    }
                }
            }
            inputs.addAll(sort.sortedRuns());
            SliceSplitter split = new SliceSplitter(plan, group);
            long rows;
            try (KWayMerge merge = new KWayMerge(inputs)) {
                inputs.clear();
                rows = merge.drainTo((b, r, in) -> split.accept(b, r));
                split.finish();
            } finally {
                split.abort();
            }
            return new PlanFiles.GroupManifest(group, rows, split.runs, sort.spills(), List.copyOf(unsorted));
        } finally {
            for (RowStream s : inputs) {
                s.close();
            }
            deleteTree(scratch);
        }
    }

    /** Writes merged rows into one run per slice; rows come in order, so slices come one after the other. */
    private final class SliceSplitter {
        private final CompactionPlan plan;
        private final int group;
        private final List<KeyRange.Matcher> ranges = new ArrayList<>();
        final List<StoredObject> runs = new ArrayList<>();
        private int slice = -1;
        private String key;
        private ObjectOutput out;
        private CountingOutput counted;
        private RunFile.Writer writer;

        SliceSplitter(CompactionPlan plan, int group) {
            this.plan = plan;
            this.group = group;
            for (KeyRange r : plan.slices()) {
                ranges.add(r.matcher());
                runs.add(null);
            }
        }

        void accept(ReadingBatch b, int r) throws IOException {
            if (slice < 0 || ranges.get(slice).above(b, r)) {
                int s = Math.max(slice, 0);
                while (ranges.get(s).above(b, r)) {
                    s++;
                }
                open(s);
            }
            writer.append(b, r);
        }

        private void open(int s) throws IOException {
            close();
            slice = s;
            key = CuratedLayout.groupRunKey(plan.runId(), plan.dt(), plan.compactionId(), group, s);
            out = blobs.create(key);
            counted = new CountingOutput(out);
            writer = new RunFile.Writer(counted);
        }

        private void close() throws IOException {
            if (writer != null) {
                writer.close();
                runs.set(slice, new StoredObject(key, counted.count));
                writer = null;
                out = null;
            }
        }

        void finish() throws IOException {
            close();
        }

        void abort() {
            if (out != null) {
                out.abort();
                out = null;
                writer = null;
            }
        }
    }

    /** Counts the bytes of a blob as it is written (its size, for the manifest). */
    private static final class CountingOutput extends java.io.OutputStream {
        private final ObjectOutput out;
        long count;

        CountingOutput(ObjectOutput out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    static List<String> keys(List<StoredObject> blobs) {
        return blobs.stream().map(StoredObject::key).toList();
    }

    static void deleteTree(Path dir) throws IOException {
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
