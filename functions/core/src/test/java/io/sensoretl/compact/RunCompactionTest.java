package io.sensoretl.compact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.catalog.CuratedTables;
import io.sensoretl.catalog.PartitionState;
import io.sensoretl.catalog.local.LocalPartitionCatalog;
import io.sensoretl.compact.local.LocalPartitionLocks;
import io.sensoretl.store.local.LocalObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compact step's orchestration, on the local stand-ins: which partitions, the tables, the rejects partition. */
class RunCompactionTest {
    @TempDir
    Path dir;

    private Path store;
    private LocalPartitionCatalog catalog;
    private StagedData data;
    private RunCompaction compaction;

    @BeforeEach
    void setUp() {
        store = dir.resolve("store");
        catalog = new LocalPartitionCatalog(dir.resolve("data"));
        data = new StagedData(store, 7);
        compaction = new RunCompaction(new LocalObjectStore(store), catalog, CompactionConfig.defaults(dir.resolve("scratch")),
                new LocalPartitionLocks(dir.resolve("data"), Clock.systemUTC()));
    }

    @Test
    void everyPartitionTheRunStagedIsCompactedInDateOrderAndTheTablesAreCreated() throws Exception {
        data.stage("run-1", "2024-03-02", 2, 500, 20);
        data.stage("run-1", "2024-03-01", 1, 300, 20);
        data.stage("run-2", "2024-03-05", 1, 100, 5);

        RunCompaction.Result r = compaction.apply("run-1", Optional.empty(), null, false);

        assertThat(r.partitions()).extracting(CompactionOutcome::dt).containsExactly("2024-03-01", "2024-03-02");
        assertThat(r.rows()).isEqualTo(1_300);
        assertThat(r.rejectsPartition()).isNull();
        assertThat(catalog.listPartitions(CuratedTables.READINGS)).extracting(PartitionState::dt)
                .containsExactly("2024-03-01", "2024-03-02");
        assertThat(catalog.listPartitions(CuratedTables.REJECTS)).isEmpty();
    }

    @Test
    void onlyTheNamedPartitionsAreCompactedAndANameThatIsNoDateIsRefused() throws Exception {
        data.stage("run-1", "2024-03-02", 1, 200, 10);
        data.stage("run-1", "2024-03-01", 1, 100, 10);

        RunCompaction.Result r = compaction.apply("run-1", Optional.of(List.of("2024-03-02")), null, false);

        assertThat(r.partitions()).extracting(CompactionOutcome::dt).containsExactly("2024-03-02");
        assertThat(r.rows()).isEqualTo(200);
        assertThatThrownBy(() -> compaction.apply("run-1", Optional.of(List.of("2024-3-1")), null, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2024-3-1");
    }

    @Test
    void theRejectsPartitionIsRegisteredOnlyWhenTheRunWroteRejectsThere() throws Exception {
        data.stage("run-1", "2024-03-01", 1, 100, 10);
        assertThat(compaction.apply("run-1", Optional.empty(), "2024-03-05", false).rejectsPartition()).isNull();

        Path rejects = store.resolve(CuratedLayout.rejectsPartitionPrefix("2024-03-05") + "run=run-1/chunk-00000.parquet");
        Files.createDirectories(rejects.getParent());
        Files.write(rejects, new byte[] {1});

        assertThat(compaction.apply("run-1", Optional.empty(), "2024-03-05", true).rejectsPartition()).isEqualTo("2024-03-05");
        assertThat(catalog.listPartitions(CuratedTables.REJECTS)).extracting(PartitionState::dt).containsExactly("2024-03-05");
    }
}
