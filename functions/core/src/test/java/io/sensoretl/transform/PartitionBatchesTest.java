package io.sensoretl.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sensoretl.columnar.ReadingColumns;
import io.sensoretl.columnar.ReadingDictionaries;
import io.sensoretl.parquet.ParquetFiles;
import io.sensoretl.parquet.ReadingRows;
import io.sensoretl.store.local.LocalObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionBatchesTest {
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final int MAX_OPEN = 8;
    private static final int MAX_ROWS = 4096;

    @TempDir
    Path dir;

    /**
     * Day after day of rows (the delimited shape: one busy partition at a time). Every partition the input
     * moved past keeps a remainder; without a bound on the arrays, each kept the arrays it grew while busy.
     */
    @Test
    void partitionsTheInputMovedPastDoNotKeepTheirGrownArrays() throws IOException {
        ChunkBuffers buffers = new ChunkBuffers();
        PartitionBatches batches = new PartitionBatches(new TransformOutputs(new LocalObjectStore(dir), "a/", "r/"), "chunk-00000",
                new ReadingDictionaries(), MAX_OPEN, MAX_ROWS, buffers);
        long maxHeld = 0;
        for (int day = 0; day < 20; day++) {
            for (int i = 0; i < 3_000; i++) {
                add(batches, day, i);
                batches.afterRecord();
                maxHeld = Math.max(maxHeld, batches.heldRows() + buffers.pooledRows());
            }
        }
        batches.close();
        // twice the buffered-rows bound (plus slack) and a first grant per open partition, not eight grown arrays
        long bound = 2L * (MAX_ROWS + 1024) + MAX_OPEN * (long) PartitionBatches.INITIAL_ROWS;
        assertTrue(maxHeld <= bound, "held " + maxHeld + " rows, bound " + bound);
        Map<String, Integer> rows = rowsPerPartition(dir.resolve("a"));
        assertEquals(20, rows.size());
        rows.values().forEach(n -> assertEquals(3_000, n));
    }

    /**
     * Days longer than the buffered-rows bound, one after the other (the delimited bench's shape): once the
     * first days have grown arrays, a new busy day grows into the arrays a day written out left behind
     * instead of allocating its own by doubling; the rows and the memory bound are unchanged.
     */
    @Test
    void aBusyPartitionGrowsIntoArraysAWrittenOutOneLeftBehind() throws IOException {
        ChunkBuffers buffers = new ChunkBuffers();
        PartitionBatches batches = new PartitionBatches(new TransformOutputs(new LocalObjectStore(dir), "a/", "r/"), "chunk-00000",
                new ReadingDictionaries(), MAX_OPEN, MAX_ROWS, buffers);
        long maxHeld = 0;
        long grownAfterDay2 = 0;
        for (int day = 0; day < 20; day++) {
            if (day == 2) {
                grownAfterDay2 = batches.grownRows();
            }
            for (int i = 0; i < 7_000; i++) {
                // now and then a reading of a far day (a mistyped date): a partition that stays open, small
                add(batches, i % 97 == 0 ? 1_000 : day, i);
                batches.afterRecord();
                maxHeld = Math.max(maxHeld, batches.heldRows() + buffers.pooledRows());
            }
        }
        long grownLater = batches.grownRows() - grownAfterDay2;
        batches.close();
        // at most the small first grants of new days; not a doubling series (~10 k rows) per day
        assertTrue(grownLater <= 18L * PartitionBatches.INITIAL_ROWS, "arrays grown for " + grownLater + " rows in days 2-19");
        long bound = 2L * (MAX_ROWS + 1024) + MAX_OPEN * (long) PartitionBatches.INITIAL_ROWS;
        assertTrue(maxHeld <= bound, "held " + maxHeld + " rows, bound " + bound);
        Map<String, Integer> rows = rowsPerPartition(dir.resolve("a"));
        assertEquals(21, rows.size());
        assertEquals(20 * 7_000, rows.values().stream().mapToInt(Integer::intValue).sum());
    }

    /**
     * Chunks of a time-ordered dump one after the other on one thread's buffers, each crossing midnight at
     * another point (two busy partitions: the NDJSON bench's shape). Once the first chunks have grown
     * arrays for both, later chunks allocate none: the idle arrays of both are kept, and the busy partition
     * trades arrays with the one that took the larger idle ones. Rows, files and the bound are kept.
     */
    @Test
    void chunksCrossingMidnightReuseTheArraysOfBothPartitions() throws IOException {
        ChunkBuffers buffers = new ChunkBuffers();
        long maxHeld = 0;
        long grownLater = 0;
        int[] firstDayRows = {500, 3_100, 1_200, 2_400, 300, 3_500, 1_800, 2_900};
        for (int chunk = 0; chunk < firstDayRows.length; chunk++) {
            Path out = dir.resolve("chunk-" + chunk);
            PartitionBatches batches = new PartitionBatches(new TransformOutputs(new LocalObjectStore(out), "a/", "r/"),
                    "chunk-0000" + chunk, new ReadingDictionaries(), MAX_OPEN, MAX_ROWS, buffers);
            for (int i = 0; i < 3_600; i++) {
                add(batches, i < firstDayRows[chunk] ? chunk : chunk + 1, i);
                batches.afterRecord();
                maxHeld = Math.max(maxHeld, batches.heldRows() + buffers.pooledRows());
            }
            if (chunk >= 3) {
                grownLater += batches.grownRows();
            }
            batches.close();
            Map<String, Integer> rows = rowsPerPartition(out.resolve("a"));
            assertEquals(2, rows.size(), "chunk " + chunk);
            assertEquals(3_600, rows.values().stream().mapToInt(Integer::intValue).sum(), "chunk " + chunk);
        }
        assertEquals(0, grownLater, "rows of arrays allocated by chunks 3-7");
        long bound = 2L * (MAX_ROWS + 1024) + MAX_OPEN * (long) PartitionBatches.INITIAL_ROWS;
        assertTrue(maxHeld <= bound, "held " + maxHeld + " rows, bound " + bound);
    }

    /**
     * Idle arrays larger than the partitions need, taken by partitions that stay small, while a third one
     * grows: the surplus is given up before the arrays held pass the bound.
     */
    @Test
    void idleArraysTakenBySmallPartitionsDoNotPushMemoryPastTheBound() throws IOException {
        ChunkBuffers buffers = new ChunkBuffers();
        for (int i = 0; i < 2; i++) {
            buffers.giveBack(new ReadingColumns(new ReadingDictionaries(), MAX_ROWS + 1024));
        }
        long maxHeld = 0;
        try (PartitionBatches batches = new PartitionBatches(new TransformOutputs(new LocalObjectStore(dir), "a/", "r/"),
                "chunk-00000", new ReadingDictionaries(), MAX_OPEN, MAX_ROWS, buffers)) {
            for (int i = 0; i < 15_000; i++) {
                // days 0 and 1 take the idle arrays and stay small (rows that do not fit a first grant: no
                // trade at first); day 2 is the busy one
                add(batches, i < 3_000 ? i % 2 : (i % 50 == 0 ? i % 100 / 50 : 2), i);
                batches.afterRecord();
                maxHeld = Math.max(maxHeld, batches.heldRows() + buffers.pooledRows());
            }
        }
        long bound = 2L * (MAX_ROWS + 1024) + MAX_OPEN * (long) PartitionBatches.INITIAL_ROWS;
        assertTrue(maxHeld <= bound, "held " + maxHeld + " rows, bound " + bound);
        Map<String, Integer> rows = rowsPerPartition(dir.resolve("a"));
        assertEquals(15_000, rows.values().stream().mapToInt(Integer::intValue).sum());
    }

    /** Idle arrays reused from an earlier chunk change no cut point: a retry writes the same files. */
    @Test
    void cutPointsDoNotDependOnTheArraysReused() throws IOException {
        ChunkBuffers warm = new ChunkBuffers();
        for (int i = 0; i < 2; i++) {
            ReadingColumns big = new ReadingColumns(new ReadingDictionaries(), MAX_ROWS);
            warm.giveBack(big);
        }
        Map<String, Integer> cold = run(new ChunkBuffers(), dir.resolve("cold"));
        Map<String, Integer> reused = run(warm, dir.resolve("warm"));
        assertEquals(cold, reused);
    }

    private Map<String, Integer> run(ChunkBuffers buffers, Path out) throws IOException {
        try (PartitionBatches batches = new PartitionBatches(new TransformOutputs(new LocalObjectStore(out), "", "r/"), "chunk-00001",
                new ReadingDictionaries(), MAX_OPEN, MAX_ROWS, buffers)) {
            // interleaved days, then day after day
            for (int i = 0; i < 6_000; i++) {
                add(batches, i % 5, i);
                batches.afterRecord();
            }
            for (int day = 5; day < 15; day++) {
                for (int i = 0; i < 2_500; i++) {
                    add(batches, day, i);
                    batches.afterRecord();
                }
            }
        }
        return rowsPerFile(out);
    }

    private static void add(PartitionBatches batches, int day, int i) throws IOException {
        long ts = day * MICROS_PER_DAY + i * 1_000_000L;
        ReadingColumns b = batches.batch(ts);
        ReadingDictionaries d = b.dictionaries();
        b.add(d.sensorIds.intern("s-" + (i % 7)), ts, d.metrics.intern("temperature"), i, d.units.intern("degC"), false, 0,
                false, 0, d.sourceKeys.intern("k"), d.runIds.intern("r"));
    }

    private static Map<String, Integer> rowsPerPartition(Path root) throws IOException {
        Map<String, Integer> out = new TreeMap<>();
        rowsPerFile(root).forEach((file, n) -> out.merge(file.substring(0, file.indexOf('/')), n, Integer::sum));
        return out;
    }

    private static Map<String, Integer> rowsPerFile(Path root) throws IOException {
        Map<String, Integer> out = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        try (var s = Files.walk(root)) {
            s.filter(p -> p.toString().endsWith(".parquet")).forEach(files::add);
        }
        for (Path f : files) {
            int n = 0;
            try (ReadingRows r = ParquetFiles.readingReader(new LocalInputFile(f))) {
                while (r.read() != null) {
                    n++;
                }
            }
            out.put(root.relativize(f).toString(), n);
        }
        return out;
    }
}
