package io.sensoretl.store.local;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.store.ObjectStore;
import io.sensoretl.store.ObjectStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalObjectStoreTest extends ObjectStoreContract {
    @TempDir
    Path dir;

    @Override
    protected ObjectStore newStore() {
        return new LocalObjectStore(dir.resolve("bucket"));
    }

    @Test
    void aReadOnConditionOfAnEtagIsRefusedRatherThanUnchecked() throws Exception {
        put("dump.ndjson", "0123456789");
        assertThatThrownBy(() -> store.read("dump.ndjson", 0, 10, "\"abc\""))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("keeps no object versions");
    }

    @Test
    void aKeyCannotLeaveTheStore() {
        assertThatThrownBy(() -> store.read("../outside", 0, -1, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
