package io.sensoretl.compact;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.ledger.ExecutionLiveness;
import io.sensoretl.ledger.Liveness;
import io.sensoretl.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Partition leases, run against DynamoDB (dynalite) and the local file. */
public abstract class PartitionLocksContract {
    protected static final Duration TTL = Duration.ofMinutes(20);
    final ManualClock clock = new ManualClock(Instant.parse("2024-03-02T01:00:00Z"));
    /** What the locks learn when they ask whether a holder's execution still runs. */
    final java.util.Map<String, Liveness> executions = new java.util.concurrent.ConcurrentHashMap<>();
    protected PartitionLocks locks;

    protected abstract PartitionLocks newLocks(ManualClock clock, ExecutionLiveness executions) throws Exception;

    @BeforeEach
    void create() throws Exception {
        locks = newLocks(clock, id -> executions.getOrDefault(id, Liveness.unknown("not known")));
    }

    @Test
    void ofConcurrentRunsExactlyOneHoldsThePartition() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String owner = "run-" + i;
                tries.add(pool.submit(() -> {
                    go.await();
                    return locks.tryLock("readings/dt=2024-03-01", owner, TTL);
                }));
            }
            go.countDown();
            int won = 0;
            for (Future<Boolean> f : tries) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theHolderMayTakeItsLeaseAgainAndOthersOnlyAfterReleaseOrExpiry() {
        assertThat(locks.tryLock("p", "run-a", TTL)).isTrue();
        assertThat(locks.tryLock("p", "run-a", TTL)).as("a retry of the same run").isTrue();
        assertThat(locks.tryLock("p", "run-b", TTL)).isFalse();
        assertThat(locks.tryLock("q", "run-b", TTL)).as("another partition").isTrue();

        locks.unlock("p", "run-b");
        assertThat(locks.tryLock("p", "run-b", TTL)).as("a non-holder cannot release").isFalse();
        clock.advance(TTL.plusSeconds(1));
        assertThat(locks.tryLock("p", "run-b", TTL)).as("an expired lease is taken over").isTrue();
        locks.unlock("p", "run-a");
        assertThat(locks.tryLock("p", "run-c", TTL)).as("the expired holder's release changes nothing").isFalse();
        locks.unlock("p", "run-b");
        assertThat(locks.tryLock("p", "run-c", TTL)).isTrue();
    }

    @Test
    void theLeaseOfAnOwnerWhoseExecutionEndedIsTakenOverAtOnce() {
        PartitionLocks killedRun = PartitionLocks.forExecution(locks, "exec-a");
        assertThat(killedRun.tryLock("p", "run-a", TTL)).isTrue();
        executions.put("exec-a", Liveness.running("pid 1"));
        assertThat(PartitionLocks.forExecution(locks, "exec-b").tryLock("p", "run-b", TTL))
                .as("its execution still runs").isFalse();

        executions.put("exec-a", Liveness.ended("ABORTED"));

        assertThat(PartitionLocks.forExecution(locks, "exec-b").tryLock("p", "run-b", TTL))
                .as("no wait for the lease to expire").isTrue();
        assertThat(killedRun.tryLock("p", "run-a", TTL)).as("run-b holds it now, and exec-b is not known to have ended")
                .isFalse();
        locks.unlock("p", "run-a");
        assertThat(locks.tryLock("p", "run-c", TTL)).as("the old owner's release changes nothing").isFalse();
    }

    @Test
    void aLeaseWithoutItsExecutionIsOnlyTakenOverWhenItExpires() {
        assertThat(locks.tryLock("p", "run-a", TTL)).isTrue();
        executions.put("exec-a", Liveness.ended("ABORTED"));

        assertThat(PartitionLocks.forExecution(locks, "exec-b").tryLock("p", "run-b", TTL)).isFalse();
        clock.advance(TTL.plusSeconds(1));
        assertThat(PartitionLocks.forExecution(locks, "exec-b").tryLock("p", "run-b", TTL)).isTrue();
    }
}
