package io.sensoretl.compact;

import io.sensoretl.compact.local.LocalPartitionLocks;
import io.sensoretl.testing.ManualClock;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LocalPartitionLocksTest extends PartitionLocksContract {
    @TempDir
    Path data;

    @Override
    PartitionLocks newLocks(ManualClock clock) {
        return new LocalPartitionLocks(data, clock);
    }
}
