package io.sensoretl.compact;

import java.time.Duration;

/**
 * Mutual exclusion of compactions of the same partition. The Glue catalog cannot compare-and-set a
 * partition's location, so two runs compacting the same day at the same moment could each switch to
 * a version without the other's rows; a lease per partition serialises them. A lease expires, so a
 * crashed holder does not block the partition for ever; the same owner (the run) may take its own
 * lease again at once, which is what a retry after a crash does. A lease may also record the workflow
 * execution its owner runs in ({@link #forExecution}): once that execution is known to have ended
 * (stopped, timed out, its process killed) another owner takes the lease at once instead of waiting
 * for it to expire (implementations ask an {@code ExecutionLiveness}).
 */
public interface PartitionLocks {

    /** No locking: for a catalog that compares-and-sets itself (the local one) or single-run use. */
    PartitionLocks NONE = new PartitionLocks() {
        @Override
        public boolean tryLock(String name, String owner, String executionId, Duration ttl) {
            return true;
        }

        @Override
        public void unlock(String name, String owner) {}
    };

    /** Takes the lease unless another owner holds an unexpired one whose execution is not known to have ended. */
    default boolean tryLock(String name, String owner, Duration ttl) {
        return tryLock(name, owner, null, ttl);
    }

    /** As {@link #tryLock(String, String, Duration)}, recording the execution that takes it ({@code null}: none). */
    boolean tryLock(String name, String owner, String executionId, Duration ttl);

    /** Gives the lease up if {@code owner} still holds it; otherwise does nothing. */
    void unlock(String name, String owner);

    /** These locks, with every lease taken through them recording {@code executionId} (null: as they are). */
    static PartitionLocks forExecution(PartitionLocks locks, String executionId) {
        if (executionId == null) {
            return locks;
        }
        return new PartitionLocks() {
            @Override
            public boolean tryLock(String name, String owner, Duration ttl) {
                return locks.tryLock(name, owner, executionId, ttl);
            }

            @Override
            public boolean tryLock(String name, String owner, String execution, Duration ttl) {
                return locks.tryLock(name, owner, execution, ttl);
            }

            @Override
            public void unlock(String name, String owner) {
                locks.unlock(name, owner);
            }
        };
    }
}
