package io.sensoretl.compact;

import io.sensoretl.catalog.CuratedTables;
import io.sensoretl.catalog.PartitionCatalog;
import io.sensoretl.catalog.PartitionSwitch;
import io.sensoretl.store.ObjectStore;
import io.sensoretl.store.StoredObject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Publishing one run (the compact step of the workflow): makes sure the curated tables exist,
 * compacts every partition the run staged rows for (or the ones asked for) with a
 * {@link PartitionCompactor}, and registers the run's rejects partition.
 *
 * <p>{@link #apply} does all of it in one call (small runs, the redrive, tests). The workflow splits it
 * into tasks of bounded length so that a partition of any size can be compacted: {@link #plan} (every
 * partition's key-range slices and group tasks, written as the Map items), {@link #group} and
 * {@link #slice} (one task each, run in parallel), then {@link #publish} (one catalog switch per partition).
 */
public final class RunCompaction {
    /**
     * @param partitions       what compacting each partition did, in dt order
     * @param rows             the rows of the run's partitions after compaction
     * @param rejectsPartition the rejects partition the run wrote to, or {@code null} when it wrote no rejects
     */
    public record Result(String runId, List<CompactionOutcome> partitions, long rows, String rejectsPartition) {}

    /**
     * What planning did.
     *
     * @param partitions every partition asked for, in dt order, with its plan
     * @param groups     group tasks of all partitions, written as a JSON array under {@code groupsKey}
     * @param slices     slice tasks of all partitions, written as a JSON array under {@code slicesKey}
     */
    public record Planned(String runId, List<PlannedPartition> partitions, int groups, int slices,
                          String groupsKey, String slicesKey) {}

    /** One partition's plan: {@code groups} and {@code slices} are 0 unless its status is {@code PLANNED}. */
    public record PlannedPartition(String dt, CompactionPlan.Status status, String compactionId, long estimatedRows,
                                   int groups, int slices) {}

    private final ObjectStore blobs;
    private final PartitionCatalog catalog;
    private final CompactionConfig config;
    private final PartitionLocks locks;
    private final CrashPoint crashPoint;
    private volatile boolean tablesEnsured;

    public RunCompaction(ObjectStore blobs, PartitionCatalog catalog, CompactionConfig config, PartitionLocks locks) {
        this(blobs, catalog, config, locks, CrashPoint.NONE);
    }

    /** @param crashPoint called at each step of each partition (tests stop a process there) */
    public RunCompaction(ObjectStore blobs, PartitionCatalog catalog, CompactionConfig config, PartitionLocks locks,
                         CrashPoint crashPoint) {
        this.blobs = blobs;
        this.catalog = catalog;
        this.config = config;
        this.locks = locks;
        this.crashPoint = crashPoint;
    }

    /**
     * @param partitions the dt values to compact ({@code YYYY-MM-DD}); empty for every partition the run staged
     * @param sourceDate the upload day, whose rejects partition the run's rejects are in; {@code null} for none
     * @param reapply    apply the run again where it was applied already (after a redrive)
     */
    public Result apply(String runId, Optional<List<String>> partitions, String sourceDate, boolean reapply) throws IOException {
        return apply(runId, partitions, sourceDate, reapply, null);
    }

    /**
     * @param executionId the workflow execution compacting, recorded with each partition lease it takes, so that
     *                    once it is known to have ended another run takes the lease at once; null: none recorded
     */
    public Result apply(String runId, Optional<List<String>> partitions, String sourceDate, boolean reapply,
                        String executionId) throws IOException {
        CuratedLayout.requireRunId(runId);
        ensureTables();
        PartitionCompactor compactor = compactor(executionId);
        List<CompactionOutcome> outcomes = new java.util.ArrayList<>();
        long rows = 0;
        for (String dt : partitions.isPresent() ? sorted(partitions.get()) : stagedPartitions(runId)) {
            CompactionOutcome o = compactor.compact(runId, dt, reapply);
            rows += o.rows();
            outcomes.add(o);
        }
        return new Result(runId, List.copyOf(outcomes), rows, registerRejects(runId, sourceDate));
    }

    /**
     * Plans every partition (taking its lease) and writes the group and slice tasks of all of them as two
     * JSON arrays, which the workflow's Map states read.
     */
    public Planned plan(String runId, Optional<List<String>> partitions, boolean reapply, String executionId)
            throws IOException {
        CuratedLayout.requireRunId(runId);
        ensureTables();
        PartitionCompactor compactor = compactor(executionId);
        List<CompactionPlan.Task> groups = new java.util.ArrayList<>();
        List<CompactionPlan.Task> slices = new java.util.ArrayList<>();
        List<PlannedPartition> planned = new java.util.ArrayList<>();
        for (String dt : partitions.isPresent() ? sorted(partitions.get()) : stagedPartitions(runId)) {
            CompactionPlan plan = compactor.plan(runId, dt, reapply);
            boolean work = plan.status() == CompactionPlan.Status.PLANNED;
            if (work) {
                for (int g = 0; g < plan.groups().size(); g++) {
                    groups.add(new CompactionPlan.Task(runId, dt, plan.compactionId(), g));
                }
                for (int s = 0; s < plan.slices().size(); s++) {
                    slices.add(new CompactionPlan.Task(runId, dt, plan.compactionId(), s));
                }
            }
            planned.add(new PlannedPartition(dt, plan.status(), plan.compactionId(), plan.estimatedRows(),
                    work ? plan.groups().size() : 0, work ? plan.slices().size() : 0));
        }
        PlanFiles files = new PlanFiles(blobs);
        files.write(CuratedLayout.groupItemsKey(runId), groups);
        files.write(CuratedLayout.sliceItemsKey(runId), slices);
        return new Planned(runId, List.copyOf(planned), groups.size(), slices.size(),
                CuratedLayout.groupItemsKey(runId), CuratedLayout.sliceItemsKey(runId));
    }

    /** Runs one group task of a plan: sorts a group of staged files into one sorted run per slice. */
    public PlanFiles.GroupManifest group(CompactionPlan.Task task, String executionId) throws IOException {
        return compactor(executionId).runGroup(requireTask(task));
    }

    /** Runs one slice task of a plan: writes one key range of the partition's new version. */
    public PlanFiles.SliceManifest slice(CompactionPlan.Task task, String executionId) throws IOException {
        return compactor(executionId).runSlice(requireTask(task));
    }

    /**
     * Publishes what the tasks of the plans wrote, one conditional catalog switch per partition, and
     * registers the rejects partition.
     *
     * @throws io.sensoretl.catalog.PartitionConflictException when a partition moved since it was planned
     *                                                         (plan again)
     */
    public Result publish(String runId, Optional<List<String>> partitions, String sourceDate, String executionId)
            throws IOException {
        CuratedLayout.requireRunId(runId);
        ensureTables();
        PartitionCompactor compactor = compactor(executionId);
        List<CompactionOutcome> outcomes = new java.util.ArrayList<>();
        long rows = 0;
        for (String dt : partitions.isPresent() ? sorted(partitions.get()) : stagedPartitions(runId)) {
            CompactionOutcome o = compactor.publish(runId, dt);
            rows += o.rows();
            outcomes.add(o);
        }
        return new Result(runId, List.copyOf(outcomes), rows, registerRejects(runId, sourceDate));
    }

    /** @param executionId recorded with each partition lease the compactor takes ({@code null}: none) */
    private PartitionCompactor compactor(String executionId) {
        return new PartitionCompactor(blobs, catalog, CuratedTables.READINGS, config,
                PartitionLocks.forExecution(locks, executionId), crashPoint);
    }

    private static CompactionPlan.Task requireTask(CompactionPlan.Task task) {
        CuratedLayout.requireRunId(task.runId());
        CuratedLayout.requireDt(task.dt());
        if (task.compactionId() == null || task.compactionId().isBlank()) {
            throw new IllegalArgumentException("missing 'compactionId' in the compaction task " + task);
        }
        if (task.index() < 0) {
            throw new IllegalArgumentException("negative 'index' " + task.index() + " in the compaction task " + task);
        }
        return task;
    }

    private void ensureTables() {
        if (!tablesEnsured) {
            catalog.ensureTable(CuratedTables.readings(blobs.location("")));
            catalog.ensureTable(CuratedTables.rejects(blobs.location("")));
            tablesEnsured = true;
        }
    }

    private static List<String> sorted(List<String> dts) {
        TreeSet<String> out = new TreeSet<>();
        dts.forEach(dt -> out.add(CuratedLayout.requireDt(dt)));
        return List.copyOf(out);
    }

    /** The dt values under the run's staging root ({@code runs/<run>/staging/dt=.../}). */
    private List<String> stagedPartitions(String runId) throws IOException {
        TreeSet<String> dts = new TreeSet<>();
        String root = CuratedLayout.stagingRoot(runId);
        for (StoredObject b : blobs.list(root)) {
            String rest = b.key().substring(root.length());
            if (rest.startsWith("dt=") && rest.indexOf('/') > 0) {
                dts.add(CuratedLayout.requireDt(rest.substring(3, rest.indexOf('/'))));
            }
        }
        return List.copyOf(dts);
    }

    /** Rejects are written in place by the transform; their dt partition only needs to exist. */
    private String registerRejects(String runId, String sourceDate) throws IOException {
        if (sourceDate == null) {
            return null;
        }
        String dt = CuratedLayout.requireDt(sourceDate);
        String prefix = CuratedLayout.rejectsPartitionPrefix(dt);
        if (blobs.list(prefix + "run=" + runId + "/").isEmpty()) {
            return null;
        }
        String location = blobs.location(prefix);
        if (!catalog.partitions(CuratedTables.REJECTS, List.of(dt)).containsKey(dt)) {
            catalog.switchPartitions(CuratedTables.REJECTS, List.of(PartitionSwitch.add(dt, location, Map.of())));
        }
        return dt;
    }
}
