package io.sensoretl.compact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.catalog.CuratedTables;
import io.sensoretl.catalog.PartitionCatalog;
import io.sensoretl.catalog.PartitionState;
import io.sensoretl.catalog.PartitionSwitch;
import io.sensoretl.catalog.TableSpec;
import io.sensoretl.catalog.local.LocalPartitionCatalog;
import io.sensoretl.store.local.LocalObjectStore;
import io.sensoretl.compact.local.LocalPartitionLocks;
import io.sensoretl.latest.LatestLines;
import io.sensoretl.latest.LatestReading;
import io.sensoretl.store.StoredObject;
import io.sensoretl.testing.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import io.sensoretl.testing.ManualClock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PartitionCompactorTest {
    private static final long MIB = 1024 * 1024;
    private static final String DAY1 = "2024-03-01";
    private static final String DAY2 = "2024-03-02";
    private static final String DAY3 = "2024-03-03";

    @TempDir
    Path dir;

    private static DuckDb db;

    @org.junit.jupiter.api.BeforeAll
    static void openDuckDb() throws Exception {
        db = new DuckDb();
    }

    @org.junit.jupiter.api.AfterAll
    static void closeDuckDb() throws Exception {
        db.close();
    }

    private Path store;
    private LocalObjectStore blobs;
    private LocalPartitionCatalog catalog;
    private StagedData data;
    private CompactionConfig config;
    private LocalPartitionLocks locks;

    @BeforeEach
    void setUp() {
        store = dir.resolve("store");
        blobs = new LocalObjectStore(store);
        catalog = new LocalPartitionCatalog(dir.resolve("data"));
        catalog.ensureTable(CuratedTables.readings(blobs.location("")));
        data = new StagedData(store, 42);
        locks = new LocalPartitionLocks(dir.resolve("data"), java.time.Clock.systemUTC());
        // a small target and sort budget so the test exercises several parts, spills and merge passes
        config = new CompactionConfig(MIB, 2 * MIB, 4, dir.resolve("scratch")).withReplacedGrace(Duration.ZERO);
    }

    private PartitionCompactor compactor(CrashPoint crash) {
        return new PartitionCompactor(blobs, catalog, CuratedTables.READINGS, config, locks, crash);
    }

    private CompactionOutcome compact(String run, String dt) throws Exception {
        return compactor(CrashPoint.NONE).compact(run, dt);
    }

    @Test
    void mergesManySmallStagedFilesAndAnExistingPartitionIntoOrderedFilesNearTheTarget() throws Exception {
        data.stage("run-0", DAY1, 8, 6_000, 300);
        assertThat(compact("run-0", DAY1).status()).isEqualTo(CompactionOutcome.Status.COMPACTED);

        data.stage("run-1", DAY1, 30, 3_000, 300);
        data.stage("run-1", DAY2, 25, 3_000, 300);
        data.stage("run-1", DAY3, 3, 500, 20);
        CompactionOutcome day1 = compact("run-1", DAY1);
        CompactionOutcome day2 = compact("run-1", DAY2);
        CompactionOutcome day3 = compact("run-1", DAY3);

        assertThat(day1.keptRows()).as("rows of the earlier run carried over").isEqualTo(48_000);
        assertThat(day1.stagedRows()).isEqualTo(90_000);
        assertThat(day1.spills()).as("the sort budget forced spills").isGreaterThan(4);
        assertThat(day1.resortedExisting()).as("the existing version is merged as it is, not sorted again").isFalse();
        for (CompactionOutcome o : List.of(day1, day2, day3)) {
            assertCuratedEqualsInputs(o.dt());
            assertOrderedWithinEachFile(o.dt());
            assertSizesNearTarget(o);
        }
        assertThat(day1.files()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(day3.files()).hasSize(1);
        assertThat(catalog.listPartitions(CuratedTables.READINGS)).extracting(PartitionState::dt)
                .containsExactly(DAY1, DAY2, DAY3);
    }

    @ParameterizedTest
    @EnumSource(value = CompactionStep.class, mode = EnumSource.Mode.EXCLUDE, names = "GROUP_WRITTEN")
    void aCrashAtAnyStepFollowedByARerunConvergesToExactlyOneCopy(CompactionStep crashAt) throws Exception {
        // a smaller target so that this smaller data set still makes several parts
        config = new CompactionConfig(256 * 1024, MIB, 4, dir.resolve("scratch")).withReplacedGrace(Duration.ZERO);
        data.stage("run-0", DAY1, 2, 6_000, 200);
        compact("run-0", DAY1);
        data.stage("run-1", DAY1, 8, 6_000, 200);

        PartitionCompactor crashing = compactor(step -> {
            if (step == crashAt) {
                throw new SimulatedCrash(step);
            }
        });
        assertThatThrownBy(() -> crashing.compact("run-1", DAY1)).isInstanceOf(SimulatedCrash.class);

        PartitionState seen = catalog.partitions(CuratedTables.READINGS, List.of(DAY1)).get(DAY1);
        if (crashAt.compareTo(CompactionStep.SWITCHED) < 0) {
            // readers still see exactly the old version: the crash left nothing visible
            assertThat(seen.parameters()).containsEntry(PartitionCompactor.APPLIED_RUN, "run-0");
            assertThat(duck("SELECT count(*) FROM " + source(seen.location()))).isEqualTo(12_000L);
        } else {
            assertThat(seen.parameters()).containsEntry(PartitionCompactor.APPLIED_RUN, "run-1");
            assertThat(duck("SELECT count(*) FROM " + source(seen.location()))).isEqualTo(60_000L);
        }

        CompactionOutcome rerun = compact("run-1", DAY1);
        assertThat(rerun.status()).isEqualTo(crashAt.compareTo(CompactionStep.SWITCHED) >= 0
                ? CompactionOutcome.Status.ALREADY_APPLIED : CompactionOutcome.Status.COMPACTED);
        assertCuratedEqualsInputs(DAY1);
        assertOrderedWithinEachFile(DAY1);
        assertOnlyTheCurrentVersionIsLeft(DAY1);
        if (rerun.status() == CompactionOutcome.Status.COMPACTED) {
            assertThat(rerun.files()).hasSizeGreaterThan(1);
        }
    }

    @Test
    void theSameRunDeliveredTwiceDoesNotDoubleItsRows() throws Exception {
        data.stage("run-1", DAY1, 5, 4_000, 100);
        CompactionOutcome first = compact("run-1", DAY1);
        CompactionOutcome second = compact("run-1", DAY1);

        assertThat(second.status()).isEqualTo(CompactionOutcome.Status.ALREADY_APPLIED);
        assertThat(second.location()).isEqualTo(first.location());
        assertCuratedEqualsInputs(DAY1);
    }

    @Test
    void reapplyingARunAfterMoreOfItsChunksWereStagedPublishesThemOnce() throws Exception {
        data.stage("run-1", DAY1, 3, 2_000, 100);
        CompactionOutcome first = compact("run-1", DAY1);
        // a redrive stages the chunks that were dead-lettered, under the same run
        data.stage("run-1", DAY1, 2, 2_000, 100);
        assertThat(compact("run-1", DAY1).status()).as("without reapply the run counts as applied")
                .isEqualTo(CompactionOutcome.Status.ALREADY_APPLIED);

        CompactionOutcome again = compactor(CrashPoint.NONE).compact("run-1", DAY1, true);

        assertThat(again.status()).isEqualTo(CompactionOutcome.Status.COMPACTED);
        assertThat(again.location()).isNotEqualTo(first.location());
        assertThat(again.stagedRows()).isEqualTo(10_000);
        assertThat(again.replacedRows()).isEqualTo(6_000);
        assertCuratedEqualsInputs(DAY1);
        assertOnlyTheCurrentVersionIsLeft(DAY1);
    }

    @Test
    void aForcedRerunAfterALaterRunReplacesItsOwnRowsInsteadOfAddingThem() throws Exception {
        data.stage("run-1", DAY1, 3, 5_000, 100);
        compact("run-1", DAY1);
        data.stage("run-2", DAY1, 3, 5_000, 100);
        compact("run-2", DAY1);

        CompactionOutcome again = compact("run-1", DAY1);

        assertThat(again.status()).isEqualTo(CompactionOutcome.Status.COMPACTED);
        assertThat(again.replacedRows()).isEqualTo(15_000);
        assertThat(again.keptRows()).isEqualTo(15_000);
        assertCuratedEqualsInputs(DAY1);
        assertOnlyTheCurrentVersionIsLeft(DAY1);
    }

    @Test
    void anExistingVersionNotInCuratedOrderIsSortedInsteadOfMerged() throws Exception {
        // a version written in arrival order (as by other tooling): a staged file registered as curated
        data.stage("run-0", DAY2, 1, 5_000, 50);
        String legacy = CuratedLayout.versionPrefix(DAY2, "legacy");
        Files.createDirectories(store.resolve(legacy));
        Files.move(store.resolve(CuratedLayout.stagingPrefix("run-0", DAY2)).resolve("chunk-00000.parquet"),
                store.resolve(legacy).resolve("part-00000.parquet"));
        catalog.switchPartitions(CuratedTables.READINGS,
                List.of(PartitionSwitch.add(DAY2, blobs.location(legacy), Map.of())));
        data.stage("run-1", DAY2, 3, 2_000, 50);

        CompactionOutcome outcome = compact("run-1", DAY2);

        assertThat(outcome.keptRows()).isEqualTo(5_000);
        assertThat(outcome.resortedExisting()).isTrue();
        assertCuratedEqualsInputs(DAY2);
        assertOrderedWithinEachFile(DAY2);
        assertOnlyTheCurrentVersionIsLeft(DAY2);
    }

    @Test
    void aPartitionLeasedByAnotherRunIsNotTouchedAndTheRunMayRetryLater() throws Exception {
        data.stage("run-1", DAY1, 2, 1_000, 20);
        assertThat(locks.tryLock(CuratedTables.READINGS + "/dt=" + DAY1, "run-other", PartitionCompactor.LEASE)).isTrue();

        assertThatThrownBy(() -> compact("run-1", DAY1)).isInstanceOf(PartitionBusyException.class)
                .hasMessageContaining("dt=" + DAY1);
        assertThat(catalog.partitions(CuratedTables.READINGS, List.of(DAY1))).isEmpty();
        assertThat(Files.exists(store.resolve(CuratedLayout.partitionPrefix(DAY1)))).isFalse();

        locks.unlock(CuratedTables.READINGS + "/dt=" + DAY1, "run-other");
        assertThat(compact("run-1", DAY1).status()).isEqualTo(CompactionOutcome.Status.COMPACTED);
        assertThat(locks.tryLock(CuratedTables.READINGS + "/dt=" + DAY1, "run-other", PartitionCompactor.LEASE))
                .as("the lease is given up after compaction").isTrue();
    }

    /** The local catalog, except that a switch is applied and then reported as failed (a timed-out call). */
    private PartitionCatalog appliedButReportedFailed() {
        return new PartitionCatalog() {
            @Override
            public void ensureTable(TableSpec table) {
                catalog.ensureTable(table);
            }

            @Override
            public Map<String, PartitionState> partitions(String table, Collection<String> dts) {
                return catalog.partitions(table, dts);
            }

            @Override
            public List<PartitionState> listPartitions(String table) {
                return catalog.listPartitions(table);
            }

            @Override
            public void switchPartitions(String table, List<PartitionSwitch> switches) {
                catalog.switchPartitions(table, switches);
                throw new IllegalStateException("read timed out");
            }
        };
    }

    @Test
    void aSwitchThatTimedOutAfterBeingAppliedKeepsTheNowLiveVersion() throws Exception {
        data.stage("run-1", DAY1, 3, 2_000, 50);
        PartitionCompactor flaky = new PartitionCompactor(blobs, appliedButReportedFailed(), CuratedTables.READINGS,
                config, locks, CrashPoint.NONE);

        assertThatThrownBy(() -> flaky.compact("run-1", DAY1)).hasMessageContaining("timed out");

        assertCuratedEqualsInputs(DAY1);
        assertThat(compact("run-1", DAY1).status()).isEqualTo(CompactionOutcome.Status.ALREADY_APPLIED);
        assertCuratedEqualsInputs(DAY1);
    }

    @Test
    void aConflictingSwitchLeavesNoUnpublishedVersionBehind() throws Exception {
        data.stage("run-1", DAY1, 2, 1_000, 20);
        data.stage("run-2", DAY1, 2, 1_000, 20);
        // without leases, to reach the catalog's own last line of defence
        PartitionCompactor other = new PartitionCompactor(blobs, catalog, CuratedTables.READINGS, config,
                PartitionLocks.NONE, CrashPoint.NONE);
        PartitionCompactor racing = new PartitionCompactor(blobs, catalog, CuratedTables.READINGS, config,
                PartitionLocks.NONE, step -> {
            if (step == CompactionStep.BEFORE_SWITCH) {
                try {
                    // another run publishes while this one is about to switch
                    other.compact("run-2", DAY1);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });

        assertThatThrownBy(() -> racing.compact("run-1", DAY1))
                .isInstanceOf(io.sensoretl.catalog.PartitionConflictException.class);

        assertOnlyTheCurrentVersionIsLeft(DAY1);
        assertThat(compact("run-1", DAY1).status()).isEqualTo(CompactionOutcome.Status.COMPACTED);
        assertCuratedEqualsInputs(DAY1);
    }

    @Test
    void aPartitionTheRunDidNotTouchIsLeftAlone() throws Exception {
        data.stage("run-1", DAY1, 1, 100, 5);
        compact("run-1", DAY1);

        CompactionOutcome untouched = compact("run-1", DAY2);

        assertThat(untouched.status()).isEqualTo(CompactionOutcome.Status.NOTHING_STAGED);
        assertThat(catalog.partitions(CuratedTables.READINGS, List.of(DAY2))).isEmpty();
    }

    @Test
    void writesTheRunsNewestReadingPerSeries() throws Exception {
        data.stage("run-1", DAY3, 4, 2_000, 10);
        compact("run-1", DAY3);

        List<LatestReading> latest;
        try (var in = Files.newInputStream(store.resolve(CuratedLayout.latestKey("run-1", DAY3, 0)))) {
            latest = LatestLines.read(in);
        }
        PartitionState p = catalog.partitions(CuratedTables.READINGS, List.of(DAY3)).get(DAY3);
        {
            List<Map<String, Object>> expected = db.query("SELECT sensor_id, metric, epoch_us(max(ts)) AS us FROM "
                    + source(p.location()) + " GROUP BY ALL ORDER BY ALL");
            assertThat(latest).hasSize(expected.size());
            assertThat(latest.stream().map(l -> Map.<String, Object>of("sensor_id", l.sensorId(), "metric",
                    l.metric(), "us", l.tsMicros())).toList()).isEqualTo(expected);
        }
    }

    // ---- partitions larger than one task: key-range slices ------------------------------------

    /** Small slices, so that a test-sized partition needs several of them. */
    private CompactionConfig sliced(long sliceRows) {
        return new CompactionConfig(256 * 1024, MIB, 4, dir.resolve("scratch"), sliceRows, Duration.ZERO);
    }

    @Test
    void aPartitionLargerThanOneTaskIsCompactedInKeyRangeSlicesAndSwitchedOnce() throws Exception {
        data.stage("run-0", DAY1, 3, 8_000, 300);
        compact("run-0", DAY1);
        data.stage("run-1", DAY1, 12, 6_000, 300);
        config = sliced(15_000);
        CountingCatalog counting = new CountingCatalog();

        CompactionOutcome o = new PartitionCompactor(blobs, counting, CuratedTables.READINGS, config, locks,
                CrashPoint.NONE).compact("run-1", DAY1);

        assertThat(o.slices()).as("96k rows in slices of ~15k").isBetween(5, 8);
        assertThat(o.groups()).as("unsorted staged files are sorted by group tasks first").isGreaterThan(1);
        assertThat(counting.switches.get()).as("one catalog switch, after every slice").isEqualTo(1);
        assertThat(o.stagedRows()).isEqualTo(72_000);
        assertThat(o.keptRows()).isEqualTo(24_000);
        assertCuratedEqualsInputs(DAY1);
        assertOrderedAcrossAllParts(DAY1);
        assertOnlyTheCurrentVersionIsLeft(DAY1);
        PartitionState p = catalog.partitions(CuratedTables.READINGS, List.of(DAY1)).get(DAY1);
        List<Map<String, Object>> perSlice = db.query("SELECT regexp_extract(filename, 'part-(\\d+)-', 1) AS slice, "
                + "count(*) AS n FROM read_parquet(" + DuckDb.literal(store.resolve(blobs.prefixOf(p.location())) + "/*.parquet")
                + ", filename=true) GROUP BY ALL ORDER BY ALL");
        assertThat(perSlice).hasSize(o.slices());
        assertThat(perSlice).as("slices cut where the rows are: none holds twice its share")
                .allSatisfy(r -> assertThat((Long) r.get("n")).isBetween(3_000L, 30_000L));
    }

    @Test
    void stagedFilesThatDeclareTheirOrderAreMergedWithoutSpillingOrGroupTasks() throws Exception {
        data.stage("run-1", DAY2, 4, 12_000, 200, StagedData.Order.SORTED);
        config = sliced(15_000).withReplacedGrace(Duration.ZERO);

        CompactionOutcome o = compact("run-1", DAY2);

        assertThat(o.slices()).isGreaterThan(1);
        assertThat(o.groups()).as("few sorted files: the slices read them directly").isZero();
        assertThat(o.spills()).as("a 1 MiB sort budget would spill 48k unsorted rows").isZero();
        assertThat(o.resortedInputs()).isEmpty();
        assertCuratedEqualsInputs(DAY2);
        assertOrderedAcrossAllParts(DAY2);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {40_000_000, 6_000})
    void aStagedFileThatDeclaresAnOrderItDoesNotHaveIsDetectedAndSortedInstead(long sliceRows) throws Exception {
        data.stage("run-1", DAY3, 2, 5_000, 100, StagedData.Order.SORTED);
        List<Path> liar = data.stage("run-1", DAY3, 1, 5_000, 100, StagedData.Order.LYING);
        config = sliced(sliceRows);

        CompactionOutcome o = compact("run-1", DAY3);

        assertThat(o.resortedInputs()).containsExactly(store.relativize(liar.get(0)).toString().replace('\\', '/'));
        assertCuratedEqualsInputs(DAY3);
        assertOrderedAcrossAllParts(DAY3);
    }

    @ParameterizedTest
    @EnumSource(CompactionStep.class)
    void aCrashAtAnyStepOfASlicedCompactionFollowedByARerunConvergesToExactlyOneCopy(CompactionStep crashAt) throws Exception {
        config = sliced(10_000);
        data.stage("run-0", DAY1, 2, 6_000, 200);
        compact("run-0", DAY1);
        data.stage("run-1", DAY1, 8, 6_000, 200);
        // steps every task passes crash the second time, so that some tasks of that kind are done and some not
        boolean perTask = EnumSet.of(CompactionStep.GROUP_WRITTEN, CompactionStep.WRITING, CompactionStep.PART_WRITTEN,
                CompactionStep.SLICE_WRITTEN).contains(crashAt);
        AtomicInteger reached = new AtomicInteger();
        PartitionCompactor crashing = compactor(step -> {
            if (step == crashAt && reached.incrementAndGet() == (perTask ? 2 : 1)) {
                throw new SimulatedCrash(step);
            }
        });
        assertThatThrownBy(() -> crashing.compact("run-1", DAY1)).isInstanceOf(SimulatedCrash.class);

        PartitionState seen = catalog.partitions(CuratedTables.READINGS, List.of(DAY1)).get(DAY1);
        if (crashAt.compareTo(CompactionStep.SWITCHED) < 0) {
            assertThat(seen.parameters()).containsEntry(PartitionCompactor.APPLIED_RUN, "run-0");
            assertThat(duck("SELECT count(*) FROM " + source(seen.location()))).isEqualTo(12_000L);
        } else {
            assertThat(seen.parameters()).containsEntry(PartitionCompactor.APPLIED_RUN, "run-1");
            assertThat(duck("SELECT count(*) FROM " + source(seen.location()))).isEqualTo(60_000L);
        }

        CompactionOutcome rerun = compact("run-1", DAY1);
        assertThat(rerun.status()).isEqualTo(crashAt.compareTo(CompactionStep.SWITCHED) >= 0
                ? CompactionOutcome.Status.ALREADY_APPLIED : CompactionOutcome.Status.COMPACTED);
        if (rerun.status() == CompactionOutcome.Status.COMPACTED) {
            assertThat(rerun.slices()).isGreaterThan(1);
            assertThat(rerun.groups()).isGreaterThan(1);
        }
        assertCuratedEqualsInputs(DAY1);
        assertOrderedAcrossAllParts(DAY1);
        assertOnlyTheCurrentVersionIsLeft(DAY1);
    }

    @Test
    void aFailedSliceIsRetriedAloneAndNothingIsPublishedBeforeEverySliceSucceeded() throws Exception {
        config = sliced(10_000);
        data.stage("run-0", DAY1, 2, 6_000, 200);
        compact("run-0", DAY1);
        data.stage("run-1", DAY1, 8, 6_000, 200);
        PartitionCompactor c = compactor(CrashPoint.NONE);

        // the workflow's order: plan, a Map over groups, a Map over slices, publish
        CompactionPlan plan = c.plan("run-1", DAY1, false);
        for (int g = 0; g < plan.groups().size(); g++) {
            c.runGroup(new CompactionPlan.Task("run-1", DAY1, plan.compactionId(), g));
        }
        int last = plan.slices().size() - 1;
        for (int s = 0; s < last; s++) {
            c.runSlice(new CompactionPlan.Task("run-1", DAY1, plan.compactionId(), s));
        }
        boolean[] crashed = {false};
        PartitionCompactor failingOnce = compactor(step -> {
            if (step == CompactionStep.PART_WRITTEN && !crashed[0]) {
                crashed[0] = true;
                throw new SimulatedCrash(step);
            }
        });
        CompactionPlan.Task lastSlice = new CompactionPlan.Task("run-1", DAY1, plan.compactionId(), last);
        assertThatThrownBy(() -> failingOnce.runSlice(lastSlice)).isInstanceOf(SimulatedCrash.class);

        assertThatThrownBy(() -> c.publish("run-1", DAY1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("slice " + last).hasMessageContaining("has not finished");
        PartitionState seen = catalog.partitions(CuratedTables.READINGS, List.of(DAY1)).get(DAY1);
        assertThat(seen.parameters()).containsEntry(PartitionCompactor.APPLIED_RUN, "run-0");
        assertThat(duck("SELECT count(*) FROM " + source(seen.location()))).isEqualTo(12_000L);

        c.runSlice(lastSlice);
        CompactionOutcome o = c.publish("run-1", DAY1);

        assertThat(o.slices()).isEqualTo(plan.slices().size()).isGreaterThan(1);
        assertCuratedEqualsInputs(DAY1);
        assertOrderedAcrossAllParts(DAY1);
        assertOnlyTheCurrentVersionIsLeft(DAY1);
        assertThatThrownBy(() -> c.runSlice(new CompactionPlan.Task("run-1", DAY1, "0123456789abcdef", 0)))
                .as("a task of another plan is refused").hasMessageContaining("plan again");
    }

    // ---- readers during compaction: replaced versions stay readable for a grace period ---------

    @Test
    void aReaderHoldingTheOldFileListStillReadsAllOfItAfterTheSwitch() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2024-03-05T00:00:00Z"));
        config = config.withReplacedGrace(Duration.ofHours(2));
        PartitionCompactor c = new PartitionCompactor(blobs, catalog, CuratedTables.READINGS, config, locks,
                CrashPoint.NONE, clock);
        data.stage("run-1", DAY1, 3, 4_000, 50);
        c.compact("run-1", DAY1);
        // a query plans: the engine resolves the partition's location and lists its files...
        PartitionState planned = catalog.partitions(CuratedTables.READINGS, List.of(DAY1)).get(DAY1);
        List<Path> oldFiles;
        try (var list = Files.list(store.resolve(blobs.prefixOf(planned.location())))) {
            oldFiles = list.sorted().toList();
        }
        data.stage("run-2", DAY1, 2, 4_000, 50);
        c.compact("run-2", DAY1);
        assertThat(catalog.partitions(CuratedTables.READINGS, List.of(DAY1)).get(DAY1).location())
                .isNotEqualTo(planned.location());

        // ...and reads them after the switch: all of them are still there
        String oldList = oldFiles.stream().map(DuckDb::literal).collect(Collectors.joining(", ", "[", "]"));
        assertThat(duck("SELECT count(*) FROM read_parquet(" + oldList + ")")).isEqualTo(12_000L);
        Path marker = store.resolve(CuratedLayout.replacedMarker(DAY1,
                planned.parameters().get(PartitionCompactor.COMPACTION_ID)));
        assertThat(marker).exists();

        clock.advance(Duration.ofHours(1));
        data.stage("run-3", DAY2, 1, 1_000, 10);
        c.compact("run-3", DAY2);
        assertThat(oldFiles).as("within the grace period").allMatch(Files::exists);

        clock.advance(Duration.ofHours(1));
        data.stage("run-4", DAY3, 1, 1_000, 10);
        c.compact("run-4", DAY3);
        assertThat(oldFiles).as("the next compaction after the grace period deletes them").noneMatch(Files::exists);
        assertThat(marker).doesNotExist();
        assertCuratedEqualsInputs(DAY1);
        assertOnlyTheCurrentVersionIsLeft(DAY1);
    }

    /** The local catalog, counting switches. */
    private final class CountingCatalog implements PartitionCatalog {
        final AtomicInteger switches = new AtomicInteger();

        @Override
        public void ensureTable(TableSpec table) {
            catalog.ensureTable(table);
        }

        @Override
        public Map<String, PartitionState> partitions(String table, Collection<String> dts) {
            return catalog.partitions(table, dts);
        }

        @Override
        public List<PartitionState> listPartitions(String table) {
            return catalog.listPartitions(table);
        }

        @Override
        public void switchPartitions(String table, List<PartitionSwitch> s) {
            switches.incrementAndGet();
            catalog.switchPartitions(table, s);
        }
    }

    /** Every row of the partition, files in key order, is in (sensor_id, ts) order: slices line up. */
    private void assertOrderedAcrossAllParts(String dt) throws Exception {
        PartitionState p = catalog.partitions(CuratedTables.READINGS, List.of(dt)).get(dt);
        Object violations = db.scalar("SELECT count(*) FROM (SELECT sensor_id, ts, lag(sensor_id) OVER w AS ps, "
                + "lag(ts) OVER w AS pt FROM read_parquet("
                + DuckDb.literal(store.resolve(blobs.prefixOf(p.location())) + "/*.parquet")
                + ", filename=true, file_row_number=true) WINDOW w AS (ORDER BY filename, file_row_number)) "
                + "WHERE ps > sensor_id OR (ps = sensor_id AND pt > ts)");
        assertThat(violations).isEqualTo(0L);
    }

    private void assertCuratedEqualsInputs(String dt) throws Exception {
        PartitionState p = catalog.partitions(CuratedTables.READINGS, List.of(dt)).get(dt);
        {
            Map<String, long[]> actual = new TreeMap<>();
            for (Map<String, Object> row : db.query("SELECT sensor_id, count(*) AS n, CAST(sum(value) * 4 AS BIGINT) AS s FROM "
                    + source(p.location()) + " GROUP BY sensor_id")) {
                actual.put((String) row.get("sensor_id"), new long[] {(Long) row.get("n"), (Long) row.get("s")});
            }
            assertThat(render(actual)).isEqualTo(render(data.expected.get(dt)));
            assertThat(db.scalar("SELECT count(DISTINCT dt) FROM read_parquet(" + DuckDb.literal(store.resolve(
                    CuratedLayout.READINGS_ROOT) + "/*/*/*.parquet") + ", hive_partitioning=true) WHERE dt = "
                    + DuckDb.literal(dt))).isEqualTo(1L);
        }
    }

    private static String render(Map<String, long[]> agg) {
        return agg.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()[0] + "/" + e.getValue()[1])
                .collect(Collectors.joining(","));
    }

    private void assertOrderedWithinEachFile(String dt) throws Exception {
        PartitionState p = catalog.partitions(CuratedTables.READINGS, List.of(dt)).get(dt);
        {
            Object violations = db.scalar("SELECT count(*) FROM (SELECT filename, sensor_id, ts, "
                    + "lag(sensor_id) OVER w AS ps, lag(ts) OVER w AS pt FROM read_parquet("
                    + DuckDb.literal(store.resolve(blobs.prefixOf(p.location())) + "/*.parquet")
                    + ", filename=true, file_row_number=true) WINDOW w AS (PARTITION BY filename ORDER BY file_row_number)) "
                    + "WHERE ps > sensor_id OR (ps = sensor_id AND pt > ts)");
            assertThat(violations).isEqualTo(0L);
        }
    }

    private void assertSizesNearTarget(CompactionOutcome o) {
        List<Long> sizes = o.files().stream().map(StoredObject::size).toList();
        List<Long> full = sizes.subList(0, sizes.size() - 1);
        assertThat(full).as("every part but the remainder is near the 1 MiB target: %s", sizes)
                .allSatisfy(s -> assertThat(s).isBetween(MIB * 85 / 100, MIB * 115 / 100));
        assertThat(sizes.get(sizes.size() - 1)).isLessThanOrEqualTo(MIB * 115 / 100);
    }

    private void assertOnlyTheCurrentVersionIsLeft(String dt) throws Exception {
        PartitionState p = catalog.partitions(CuratedTables.READINGS, List.of(dt)).get(dt);
        try (var versions = Files.list(store.resolve(CuratedLayout.partitionPrefix(dt)))) {
            assertThat(versions.map(v -> v.getFileName().toString()))
                    .containsExactly("v=" + p.parameters().get(PartitionCompactor.COMPACTION_ID));
        }
    }

    private String source(String location) {
        return "read_parquet(" + DuckDb.literal(store.resolve(blobs.prefixOf(location)) + "/*.parquet") + ")";
    }

    private Object duck(String sql) throws Exception {
        return db.scalar(sql);
    }

    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(CompactionStep step) {
            super("simulated crash at " + step);
        }
    }
}
