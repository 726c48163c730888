package io.sensoretl.compact;

import io.sensoretl.catalog.PartitionCatalog;
import io.sensoretl.catalog.PartitionState;
import io.sensoretl.parquet.ObjectInputFile;
import io.sensoretl.parquet.ParquetFooter;
import io.sensoretl.parquet.ReadingFile;
import io.sensoretl.reading.ReadingBatch;
import io.sensoretl.reading.Utf8Pool;
import io.sensoretl.store.ObjectStore;
import io.sensoretl.store.StoredObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decides how a run is applied to a partition ({@link CompactionPlan}): how many rows there are,
 * whether one task can merge them, and if not, which key ranges (slices) split them into tasks of
 * about {@link CompactionConfig#sliceRows()} rows, compacted in parallel.
 *
 * <p>Costs little whatever the partition's size: the row count comes from the footers of at most
 * {@value #SAMPLE_FILES} staged files spread over the listing (their rows per byte, times the
 * staged bytes) and from the current version's footers; the slice boundaries from the
 * {@code sensor_id} and {@code ts} columns of those same files, every n-th row, as weighted
 * quantiles. Skewed keys are therefore split where the rows are, not where the sensor ids are.
 */
public final class CompactionPlanner {
    static final int SAMPLE_FILES = 32;
    static final int BASE_SAMPLE_FILES = 8;
    static final long KEY_SAMPLE = 200_000;

    private final ObjectStore blobs;
    private final PartitionCatalog catalog;
    private final String table;
    private final CompactionConfig config;

    public CompactionPlanner(ObjectStore blobs, PartitionCatalog catalog, String table, CompactionConfig config) {
        this.blobs = blobs;
        this.catalog = catalog;
        this.table = table;
        this.config = config;
    }

    /** The plan for applying {@code runId} to partition {@code dt}; nothing is written. */
    public CompactionPlan plan(String runId, String dt, boolean reapply) throws IOException {
        PartitionState current = catalog.partitions(table, List.of(dt)).get(dt);
        String base = current == null ? null : current.location();
        if (!reapply && current != null && runId.equals(current.parameters().get(PartitionCompactor.APPLIED_RUN))) {
            String id = current.parameters().getOrDefault(PartitionCompactor.COMPACTION_ID, "");
            return new CompactionPlan(runId, dt, CompactionPlan.Status.ALREADY_APPLIED, id, base, List.of(), List.of(),
                    List.of(), List.of(), 0);
        }
        List<StoredObject> staged = parquetFiles(blobs, CuratedLayout.stagingPrefix(runId, dt));
        if (staged.isEmpty()) {
            return new CompactionPlan(runId, dt, CompactionPlan.Status.NOTHING_STAGED, "", base, List.of(), List.of(),
                    List.of(), List.of(), 0);
        }
        List<StoredObject> baseParts = base == null ? List.of() : parquetFiles(blobs, blobs.prefixOf(base));

        // rows: footers of a spread sample of the staged files (all of them when few), every base part
        boolean few = staged.size() <= config.mergeFanIn();
        List<StoredObject> stagedSample = few ? staged : spread(staged, SAMPLE_FILES);
        Utf8Pool pool = new Utf8Pool();
        long sampledRows = 0;
        long sampledBytes = 0;
        boolean allSorted = true;
        java.util.Map<String, Long> footerRows = new java.util.HashMap<>();
        for (StoredObject b : stagedSample) {
            ParquetFooter f = ReadingFile.footer(ObjectInputFile.of(blobs, b), b.key());
            footerRows.put(b.key(), f.rows());
            sampledRows += f.rows();
            sampledBytes += b.size();
            allSorted &= f.declaresAscending("sensor_id", "ts");
        }
        double rowsPerByte = sampledBytes == 0 ? 0 : (double) sampledRows / sampledBytes;
        long stagedBytes = staged.stream().mapToLong(StoredObject::size).sum();
        long stagedRows = Math.round(stagedBytes * rowsPerByte);
        long baseRows = 0;
        for (StoredObject b : baseParts) {
            long n = ReadingFile.footer(ObjectInputFile.of(blobs, b), b.key()).rows();
            footerRows.put(b.key(), n);
            baseRows += n;
        }
        long rows = stagedRows + baseRows;
        int wanted = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (rows + config.sliceRows() - 1) / config.sliceRows()));

        List<KeyRange> slices = List.of(KeyRange.ALL);
        List<List<Integer>> groups = List.of();
        if (wanted > 1) {
            slices = boundaries(stagedSample, stagedRows, spread(baseParts, BASE_SAMPLE_FILES), baseRows, wanted, pool,
                    footerRows);
        }
        if (slices.size() > 1 && !(few && allSorted)) {
            groups = groups(staged, rowsPerByte);
        }
        String digest = digest(staged, baseParts, slices, groups);
        String id = CompactionId.of(runId, base, digest);
        return new CompactionPlan(runId, dt, CompactionPlan.Status.PLANNED, id, base, baseParts, staged, slices, groups,
                rows);
    }

    /** Key ranges of about equal rows, from a weighted sample of keys of staged and base files. */
    private List<KeyRange> boundaries(List<StoredObject> stagedSample, long stagedRows, List<StoredObject> baseSample, long baseRows,
                                      int wanted, Utf8Pool pool, java.util.Map<String, Long> footerRows) throws IOException {
        Keys keys = new Keys();
        sampleKeys(stagedSample, stagedRows, keys, pool, footerRows);
        sampleKeys(baseSample, baseRows, keys, pool, footerRows);
        if (keys.size == 0) {
            return List.of(KeyRange.ALL);
        }
        Integer[] order = new Integer[keys.size];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = ReadingBatch.compareUtf8(keys.sensor[a], keys.sensor[b]);
            return c != 0 ? c : Long.compare(keys.ts[a], keys.ts[b]);
        });
        double total = 0;
        for (int i = 0; i < keys.size; i++) {
            total += keys.weight[i];
        }
        List<SortKey> starts = new ArrayList<>();
        double cumulative = 0;
        int next = 1;
        for (int k = 0; k < order.length && next < wanted; k++) {
            int i = order[k];
            if (cumulative >= total * next / wanted) {
                SortKey key = new SortKey(new String(keys.sensor[i], StandardCharsets.UTF_8), keys.ts[i]);
                if (starts.isEmpty() || starts.get(starts.size() - 1).compareTo(key) < 0) {
                    starts.add(key);
                }
                while (next < wanted && cumulative >= total * next / wanted) {
                    next++;
                }
            }
            cumulative += keys.weight[i];
        }
        List<KeyRange> ranges = new ArrayList<>();
        SortKey from = null;
        for (SortKey start : starts) {
            ranges.add(new KeyRange(from, start));
            from = start;
        }
        ranges.add(new KeyRange(from, null));
        return ranges;
    }

    /** Every n-th key of each file, weighted so that the sample stands for {@code rows} rows. */
    private void sampleKeys(List<StoredObject> files, long rows, Keys keys, Utf8Pool pool, java.util.Map<String, Long> footerRows)
            throws IOException {
        if (files.isEmpty() || rows == 0) {
            return;
        }
        long fileRows = 0;
        for (StoredObject b : files) {
            fileRows += footerRows.get(b.key());
        }
        long stride = Math.max(1, fileRows / KEY_SAMPLE);
        int before = keys.size;
        for (StoredObject b : files) {
            ReadingFile.sampleKeys(ObjectInputFile.of(blobs, b), b.key(), pool, stride, keys::add);
        }
        int sampled = keys.size - before;
        double weight = sampled == 0 ? 0 : (double) rows / sampled;
        for (int i = before; i < keys.size; i++) {
            keys.weight[i] = weight;
        }
    }

    /** Staged files in listing order, cut into groups of about {@code sliceRows} estimated rows. */
    private List<List<Integer>> groups(List<StoredObject> staged, double rowsPerByte) {
        List<List<Integer>> groups = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        double rows = 0;
        for (int i = 0; i < staged.size(); i++) {
            double fileRows = staged.get(i).size() * rowsPerByte;
            if (!current.isEmpty() && rows + fileRows > config.sliceRows()) {
                groups.add(current);
                current = new ArrayList<>();
                rows = 0;
            }
            current.add(i);
            rows += fileRows;
        }
        groups.add(current);
        return groups;
    }

    static <T> List<T> spread(List<T> all, int n) {
        if (all.size() <= n) {
            return all;
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(all.get((int) ((long) i * all.size() / n)));
        }
        return out;
    }

    static List<StoredObject> parquetFiles(ObjectStore blobs, String prefix) throws IOException {
        List<StoredObject> files = new ArrayList<>();
        for (StoredObject b : blobs.list(prefix)) {
            if (b.key().endsWith(".parquet")) {
                files.add(b);
            }
        }
        return files;
    }

    private static String digest(List<StoredObject> staged, List<StoredObject> baseParts, List<KeyRange> slices, List<List<Integer>> groups) {
        StringBuilder sb = new StringBuilder();
        for (StoredObject b : staged) {
            sb.append(b.key()).append('\u0000').append(b.size()).append('\n');
        }
        sb.append("base\n");
        for (StoredObject b : baseParts) {
            sb.append(b.key()).append('\u0000').append(b.size()).append('\n');
        }
        sb.append("slices ").append(slices).append("\ngroups ").append(groups);
        return sb.toString();
    }

    private static final class Keys {
        byte[][] sensor = new byte[1024][];
        long[] ts = new long[1024];
        double[] weight = new double[1024];
        int size;

        void add(byte[] s, long t) {
            if (size == ts.length) {
                sensor = Arrays.copyOf(sensor, size * 2);
                ts = Arrays.copyOf(ts, size * 2);
                weight = Arrays.copyOf(weight, size * 2);
            }
            sensor[size] = s;
            ts[size] = t;
            size++;
        }
    }
}
