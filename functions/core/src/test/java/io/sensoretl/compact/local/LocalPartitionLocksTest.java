package io.sensoretl.compact.local;

import io.sensoretl.compact.PartitionLocks;
import io.sensoretl.compact.PartitionLocksContract;
import io.sensoretl.ledger.ExecutionLiveness;
import io.sensoretl.testing.ManualClock;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LocalPartitionLocksTest extends PartitionLocksContract {
    @TempDir
    Path data;

    @Override
    protected PartitionLocks newLocks(ManualClock clock, ExecutionLiveness executions) {
        return new LocalPartitionLocks(data, clock, executions);
    }

    @org.junit.jupiter.api.Test
    void theLeasesOfAStoppedExecutionAreReleasedTogether() {
        LocalPartitionLocks local = (LocalPartitionLocks) locks;
        PartitionLocks.forExecution(local, "exec-a").tryLock("readings/dt=2024-03-01", "run-a", TTL);
        PartitionLocks.forExecution(local, "exec-a").tryLock("readings/dt=2024-03-02", "run-a", TTL);
        PartitionLocks.forExecution(local, "exec-b").tryLock("readings/dt=2024-03-03", "run-b", TTL);

        org.assertj.core.api.Assertions.assertThat(local.releaseHeldBy("exec-a"))
                .containsExactly("readings/dt=2024-03-01", "readings/dt=2024-03-02");
        org.assertj.core.api.Assertions.assertThat(local.tryLock("readings/dt=2024-03-01", "run-c", TTL)).isTrue();
        org.assertj.core.api.Assertions.assertThat(local.tryLock("readings/dt=2024-03-03", "run-c", TTL)).isFalse();
    }
}
