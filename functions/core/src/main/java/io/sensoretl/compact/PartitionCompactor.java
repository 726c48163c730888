package io.sensoretl.compact;

import io.sensoretl.catalog.PartitionCatalog;
import io.sensoretl.catalog.PartitionState;
import io.sensoretl.catalog.PartitionSwitch;
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

/**
 * Applies one run to one partition: merges the run's staged files with the partition's current
 * curated version into a new immutable version, switches the catalog to it once, then retires the
 * old one (kept readable for a grace period, see {@link ReplacedVersions}).
 *
 * <p>A partition of any size: the work is {@link #plan planned} into key-range slices of about
 * {@link CompactionConfig#sliceRows()} rows, each written by its own task ({@link #runSlice}) into
 * the new version, after group tasks ({@link #runGroup}) have sorted the staged files when slices
 * cannot read them directly; {@link #publish} then switches the catalog, once, after every slice
 * succeeded. The workflow runs the tasks in parallel (Map states); {@link #compact} runs them one
 * after the other in this process.
 *
 * <p>Exactly one copy of every record, whatever crashes: the new version's id is derived from (run,
 * current location, plan), so a retry writes the same files in the same place; every task first
 * clears what an earlier attempt of it left; the switch records the run it applied, so a retry after
 * the switch only finishes the clean-up; and rows of this run already present in the current
 * version (a deliberate re-run) are replaced, not added.
 */
public final class PartitionCompactor {
    /** Partition parameters written with each switch. */
    public static final String APPLIED_RUN = "sensoretl.applied_run";
    public static final String COMPACTION_ID = "sensoretl.compaction_id";
    public static final String PREVIOUS_LOCATION = "sensoretl.previous_location";

    /** Longer than the 15-minute Lambda limit, so it cannot expire under a live holder there; renewed by every task. */
    public static final Duration LEASE = Duration.ofMinutes(20);

    private final ObjectStore blobs;
    private final PartitionCatalog catalog;
    private final String table;
    private final CompactionConfig config;
    private final PartitionLocks locks;
    private final CrashPoint crash;
    private final Clock clock;
    private final PlanFiles files;

    public PartitionCompactor(ObjectStore blobs, PartitionCatalog catalog, String table, CompactionConfig config,
            PartitionLocks locks, CrashPoint crash) {
        this(blobs, catalog, table, config, locks, crash, Clock.systemUTC());
    }

    public PartitionCompactor(ObjectStore blobs, PartitionCatalog catalog, String table, CompactionConfig config,
            PartitionLocks locks, CrashPoint crash, Clock clock) {
        this.blobs = blobs;
        this.catalog = catalog;
        this.table = table;
        this.config = config;
        this.locks = locks;
        this.crash = crash;
        this.clock = clock;
        this.files = new PlanFiles(blobs);
    }

    /**
     * Applies the run to the partition in this process, holding the partition's lease (owned by the
     * run, so a retry of a crashed attempt takes it over at once).
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
        CompactionPlan plan = plan(runId, dt, reapply);
        try {
            for (int g = 0; g < plan.groups().size(); g++) {
                runGroup(new CompactionPlan.Task(runId, dt, plan.compactionId(), g));
            }
            if (plan.status() == CompactionPlan.Status.PLANNED) {
                for (int s = 0; s < plan.slices().size(); s++) {
                    runSlice(new CompactionPlan.Task(runId, dt, plan.compactionId(), s));
                }
            }
            return publish(runId, dt);
        } finally {
            locks.unlock(lockName(dt), runId);
        }
    }

    /**
     * Takes the partition's lease for the run and plans the compaction: how many slices and groups,
     * and the new version's id. Clears what an earlier attempt left (its working files, the
     * version's directory, the run's latest-readings files of the partition) and writes the plan.
     * The lease is kept until {@link #publish}.
     */
    public CompactionPlan plan(String runId, String dt, boolean reapply) throws IOException {
        CuratedLayout.requireRunId(runId);
        CuratedLayout.requireDt(dt);
        lease(runId, dt);
        CompactionPlan plan = new CompactionPlanner(blobs, catalog, table, config).plan(runId, dt, reapply);
        blobs.delete(GroupTask.keys(blobs.list(CuratedLayout.compactPartitionPrefix(runId, dt))));
        if (plan.status() == CompactionPlan.Status.PLANNED) {
            blobs.delete(GroupTask.keys(blobs.list(CuratedLayout.versionPrefix(dt, plan.compactionId()))));
            blobs.delete(GroupTask.keys(blobs.list(CuratedLayout.latestPrefix(runId, dt))));
        }
        files.write(CuratedLayout.planKey(runId, dt), plan);
        crash.reached(CompactionStep.PLANNED);
        return plan;
    }

    /** Runs one group task of the plan (renewing the lease). */
    public PlanFiles.GroupManifest runGroup(CompactionPlan.Task task) throws IOException {
        CompactionPlan plan = files.plan(task);
        lease(task.runId(), task.dt());
        return new GroupTask(blobs, config, crash).run(plan, task.index());
    }

    /** Runs one slice task of the plan (renewing the lease). */
    public PlanFiles.SliceManifest runSlice(CompactionPlan.Task task) throws IOException {
        CompactionPlan plan = files.plan(task);
        lease(task.runId(), task.dt());
        return new SliceTask(blobs, config, crash).run(plan, task.index());
    }

    /**
     * Publishes the planned version once every slice is done: one conditional catalog switch, then
     * the old versions are retired. Releases the partition's lease.
     *
     * @throws IllegalStateException when a slice has not finished (its manifest is missing)
     */
    public CompactionOutcome publish(String runId, String dt) throws IOException {
        CompactionPlan plan = files.plan(runId, dt);
        lease(runId, dt);
        CompactionOutcome outcome = switch (plan.status()) {
            case NOTHING_STAGED -> new CompactionOutcome(dt, CompactionOutcome.Status.NOTHING_STAGED, plan.base(),
                    List.of(), 0, 0, 0, 0, false, 0, 0, List.of());
            case ALREADY_APPLIED -> {
                // a retry after the switch: the data is in place, only the clean-up may be unfinished
                replaced().retire(dt, plan.base());
                yield new CompactionOutcome(dt, CompactionOutcome.Status.ALREADY_APPLIED, plan.base(),
                        CompactionPlanner.parquetFiles(blobs, blobs.prefixOf(plan.base())), 0, 0, 0, 0, false, 0, 0, List.of());
            }
            case PLANNED -> switchTo(plan);
        };
        locks.unlock(lockName(dt), runId);
        return outcome;
    }

    private CompactionOutcome switchTo(CompactionPlan plan) throws IOException {
        String dt = plan.dt();
        List<PlanFiles.SliceManifest> slices = new ArrayList<>();
        Set<String> expected = new HashSet<>();
        for (int s = 0; s < plan.slices().size(); s++) {
            PlanFiles.SliceManifest m = files.read(CuratedLayout.sliceManifestKey(plan.runId(), dt, plan.compactionId(), s),
                    PlanFiles.SliceManifest.class);
            if (m == null) {
                throw new IllegalStateException("slice " + s + " of " + plan.slices().size() + " of dt=" + dt
                        + " (compaction " + plan.compactionId() + ") has not finished: the version is not published");
            }
            slices.add(m);
            m.files().forEach(f -> expected.add(f.key()));
        }
        String versionPrefix = CuratedLayout.versionPrefix(dt, plan.compactionId());
        List<StoredObject> present = blobs.list(versionPrefix);
        Set<String> presentKeys = new HashSet<>(GroupTask.keys(present));
        for (String key : expected) {
            if (!presentKeys.contains(key)) {
                throw new IllegalStateException("part " + key + " of dt=" + dt + " is listed by its slice but missing");
            }
        }
        // a part no manifest lists is a leftover (of an attempt that did not finish): never publish it
        blobs.delete(present.stream().map(StoredObject::key).filter(k -> !expected.contains(k)).toList());
        crash.reached(CompactionStep.BEFORE_SWITCH);

        String location = blobs.location(versionPrefix);
        PartitionState now = catalog.partitions(table, List.of(dt)).get(dt);
        if (now == null || !now.location().equals(location)) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put(APPLIED_RUN, plan.runId());
            parameters.put(COMPACTION_ID, plan.compactionId());
            if (plan.base() != null) {
                parameters.put(PREVIOUS_LOCATION, plan.base());
            }
            try {
                catalog.switchPartitions(table, List.of(new PartitionSwitch(dt, plan.base(), location, parameters)));
            } catch (RuntimeException e) {
                discardUnlessLive(dt, location, versionPrefix, e);
                throw e;
            }
        }
        crash.reached(CompactionStep.SWITCHED);

        replaced().retire(dt, location);
        crash.reached(CompactionStep.DONE);

        List<StoredObject> written = new ArrayList<>();
        long staged = 0;
        long kept = 0;
        long replacedRows = 0;
        int spills = 0;
        boolean resortedBase = false;
        Set<String> resorted = new java.util.TreeSet<>();
        for (PlanFiles.SliceManifest m : slices) {
            written.addAll(m.files());
            staged += m.stagedRows();
            kept += m.keptRows();
            replacedRows += m.replacedRows();
            spills += m.spills();
            resortedBase |= m.resortedBase();
            resorted.addAll(m.resorted());
        }
        for (int g = 0; g < plan.groups().size(); g++) {
            PlanFiles.GroupManifest m = files.read(CuratedLayout.groupManifestKey(plan.runId(), dt, plan.compactionId(), g),
                    PlanFiles.GroupManifest.class);
            if (m != null) {
                spills += m.spills();
                resorted.addAll(m.resorted());
            }
        }
        return new CompactionOutcome(dt, CompactionOutcome.Status.COMPACTED, location, written, staged, kept, replacedRows,
                spills, resortedBase, plan.slices().size(), plan.groups().size(), List.copyOf(resorted));
    }

    private ReplacedVersions replaced() {
        return new ReplacedVersions(blobs, catalog, table, config.replacedGrace(), clock);
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
                blobs.delete(GroupTask.keys(blobs.list(versionPrefix)));
            }
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private void lease(String runId, String dt) {
        if (!locks.tryLock(lockName(dt), runId, LEASE)) {
            throw new PartitionBusyException(table, dt, runId);
        }
    }

    private String lockName(String dt) {
        return table + "/dt=" + dt;
    }
}
