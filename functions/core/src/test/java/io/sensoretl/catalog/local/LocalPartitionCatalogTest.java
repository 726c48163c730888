package io.sensoretl.catalog.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.catalog.CuratedTables;
import io.sensoretl.catalog.PartitionConflictException;
import io.sensoretl.catalog.PartitionState;
import io.sensoretl.catalog.PartitionSwitch;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPartitionCatalogTest {
    @TempDir
    Path data;

    @Test
    void switchesAreComparedWithTheExpectedLocationAndSurviveARestart() {
        LocalPartitionCatalog catalog = new LocalPartitionCatalog(data);
        catalog.ensureTable(CuratedTables.readings("file:/store/"));
        catalog.ensureTable(CuratedTables.readings("file:/elsewhere/")); // a second ensure changes nothing

        catalog.switchPartitions("readings", List.of(PartitionSwitch.add("2024-03-01", "file:/store/v=1/", Map.of("k", "1"))));
        catalog.switchPartitions("readings", List.of(new PartitionSwitch("2024-03-01", "file:/store/v=1/", "file:/store/v=2/", Map.of())));
        catalog.switchPartitions("readings", List.of(new PartitionSwitch("2024-03-01", "file:/store/v=1/", "file:/store/v=2/", Map.of())));

        assertThatThrownBy(() -> catalog.switchPartitions("readings",
                List.of(new PartitionSwitch("2024-03-01", "file:/store/v=1/", "file:/store/v=3/", Map.of()))))
                .isInstanceOf(PartitionConflictException.class).hasMessageContaining("v=2");
        assertThatThrownBy(() -> catalog.switchPartitions("readings",
                List.of(PartitionSwitch.add("2024-03-01", "file:/store/v=9/", Map.of()))))
                .isInstanceOf(PartitionConflictException.class);

        LocalPartitionCatalog reopened = new LocalPartitionCatalog(data);
        assertThat(reopened.listPartitions("readings")).extracting(PartitionState::location).containsExactly("file:/store/v=2/");
        assertThat(reopened.partitions("readings", List.of("2024-03-01", "2024-03-09"))).containsOnlyKeys("2024-03-01");
    }

    @Test
    void aBatchWithOneConflictChangesNothing() {
        LocalPartitionCatalog catalog = new LocalPartitionCatalog(data);
        catalog.ensureTable(CuratedTables.rejects("file:/store/"));
        catalog.switchPartitions("rejects", List.of(PartitionSwitch.add("2024-03-02", "file:/a/", Map.of())));

        assertThatThrownBy(() -> catalog.switchPartitions("rejects", List.of(
                PartitionSwitch.add("2024-03-01", "file:/new/", Map.of()),
                PartitionSwitch.add("2024-03-02", "file:/b/", Map.of()))))
                .isInstanceOf(PartitionConflictException.class);

        assertThat(catalog.listPartitions("rejects")).extracting(PartitionState::dt).containsExactly("2024-03-02");
    }

    @Test
    void usingATableThatWasNeverCreatedNamesIt() {
        assertThatThrownBy(() -> new LocalPartitionCatalog(data).listPartitions("readings"))
                .hasMessageContaining("table readings does not exist");
    }
}
