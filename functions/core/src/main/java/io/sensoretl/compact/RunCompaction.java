package io.sensoretl.compact;

import io.sensoretl.catalog.CuratedTables;
import io.sensoretl.catalog.PartitionCatalog;
import io.sensoretl.catalog.PartitionSwitch;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Publishing one run (the compact step of the workflow): makes sure the curated tables exist,
 * compacts every partition the run staged rows for (or the ones asked for) with a
 * {@link PartitionCompactor}, and registers the run's rejects partition.
 */
public final class RunCompaction {
    /**
     * @param partitions       what compacting each partition did, in dt order
     * @param rows             the rows of the run's partitions after compaction
     * @param rejectsPartition the rejects partition the run wrote to, or {@code null} when it wrote no rejects
     */
    public record Result(String runId, List<CompactionOutcome> partitions, long rows, String rejectsPartition) {}

    private final Blobs blobs;
    private final PartitionCatalog catalog;
    private final CompactionConfig config;
    private final PartitionLocks locks;
    private final CrashPoint crashPoint;
    private volatile boolean tablesEnsured;

    public RunCompaction(Blobs blobs, PartitionCatalog catalog, CompactionConfig config, PartitionLocks locks) {
        this(blobs, catalog, config, locks, CrashPoint.NONE);
    }

    /** @param crashPoint called at each step of each partition (tests stop a process there) */
    public RunCompaction(Blobs blobs, PartitionCatalog catalog, CompactionConfig config, PartitionLocks locks,
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
        PartitionCompactor compactor = new PartitionCompactor(blobs, catalog, CuratedTables.READINGS, config,
                PartitionLocks.forExecution(locks, executionId), crashPoint);
        List<CompactionOutcome> outcomes = new java.util.ArrayList<>();
        long rows = 0;
        for (String dt : partitions.isPresent() ? sorted(partitions.get()) : stagedPartitions(runId)) {
            CompactionOutcome o = compactor.compact(runId, dt, reapply);
            rows += o.rows();
            outcomes.add(o);
        }
        return new Result(runId, List.copyOf(outcomes), rows, registerRejects(runId, sourceDate));
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
        for (Blob b : blobs.list(root)) {
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
