package io.sensoretl.compact.local;

import io.sensoretl.compact.PartitionLocks;
import io.sensoretl.compact.PartitionLocksContract;
import io.sensoretl.testing.ManualClock;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LocalPartitionLocksTest extends PartitionLocksContract {
    @TempDir
    Path data;

    @Override
    protected PartitionLocks newLocks(ManualClock clock) {
        return new LocalPartitionLocks(data, clock);
    }
}
