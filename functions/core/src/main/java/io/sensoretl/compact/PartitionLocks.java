package io.sensoretl.compact;

import java.time.Duration;

/**
 * Mutual exclusion of compactions of the same partition. The Glue catalog cannot compare-and-set a
 * partition's location, so two runs compacting the same day at the same moment could each switch to
 * a version without the other's rows; a lease per partition serialises them. A lease expires, so a
 * crashed holder does not block the partition for ever; the same owner (the run) may take its own
 * lease again at once, which is what a retry after a crash does.
 */
public interface PartitionLocks {

    /** No locking: for a catalog that compares-and-sets itself (the local one) or single-run use. */
    PartitionLocks NONE = new PartitionLocks() {
        @Override
        public boolean tryLock(String name, String owner, Duration ttl) {
            return true;
        }

        @Override
        public void unlock(String name, String owner) {}
    };

    /** Takes the lease unless another owner holds an unexpired one. */
    boolean tryLock(String name, String owner, Duration ttl);

    /** Gives the lease up if {@code owner} still holds it; otherwise does nothing. */
    void unlock(String name, String owner);
}
