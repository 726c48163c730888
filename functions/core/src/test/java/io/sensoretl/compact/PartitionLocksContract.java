package io.sensoretl.compact;

import static org.assertj.core.api.Assertions.assertThat;

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
    static final Duration TTL = Duration.ofMinutes(20);
    final ManualClock clock = new ManualClock(Instant.parse("2024-03-02T01:00:00Z"));
    PartitionLocks locks;

    protected abstract PartitionLocks newLocks(ManualClock clock) throws Exception;

    @BeforeEach
    void create() throws Exception {
        locks = newLocks(clock);
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
}
