package io.sensoretl.compact.local;

import com.fasterxml.jackson.databind.JavaType;
import io.sensoretl.compact.PartitionLocks;
import io.sensoretl.ledger.ExecutionLiveness;
import io.sensoretl.localstore.JsonFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/** Partition leases of the local runtime: {@code <data>/locks/leases.json}, changed under the store's lock. */
public final class LocalPartitionLocks implements PartitionLocks {
    /** One held lease; {@code execution} is the execution its owner runs in, or null. */
    public record Lease(String owner, long expiresAtMillis, String execution) {}

    private static final JavaType TYPE = JsonFiles.JSON.getTypeFactory()
            .constructMapType(TreeMap.class, String.class, Lease.class);

    private final Path file;
    private final Path lock;
    private final Clock clock;
    private final ExecutionLiveness executions;

    public LocalPartitionLocks(Path dataDir, Clock clock) {
        this(dataDir, clock, ExecutionLiveness.UNKNOWN);
    }

    /** @param executions asked about the execution of a lease another owner holds: one that ended gives it up at once */
    public LocalPartitionLocks(Path dataDir, Clock clock, ExecutionLiveness executions) {
        this.file = dataDir.resolve("locks").resolve("leases.json");
        this.lock = dataDir.resolve("locks").resolve(".leases.lock");
        this.clock = clock;
        this.executions = executions;
    }

    @Override
    public boolean tryLock(String name, String owner, String executionId, Duration ttl) {
        return JsonFiles.locked(lock, () -> {
            TreeMap<String, Lease> leases = JsonFiles.read(file, TYPE, TreeMap::new);
            long now = clock.millis();
            Lease held = leases.get(name);
            if (held != null && !held.owner().equals(owner) && held.expiresAtMillis() > now
                    && (held.execution() == null || !executions.check(held.execution()).ended())) {
                return false;
            }
            leases.put(name, new Lease(owner, now + ttl.toMillis(), executionId));
            JsonFiles.writeAtomically(file, leases);
            return true;
        });
    }

    @Override
    public void unlock(String name, String owner) {
        JsonFiles.locked(lock, () -> {
            TreeMap<String, Lease> leases = JsonFiles.read(file, TYPE, TreeMap::new);
            Lease held = leases.get(name);
            if (held != null && held.owner().equals(owner)) {
                leases.remove(name);
                JsonFiles.writeAtomically(file, leases);
            }
            return null;
        });
    }

    /** Gives up every lease taken in {@code executionId} (a run stopped with Ctrl-C); returns their names. */
    public List<String> releaseHeldBy(String executionId) {
        return JsonFiles.locked(lock, () -> {
            TreeMap<String, Lease> leases = JsonFiles.read(file, TYPE, TreeMap::new);
            List<String> released = leases.entrySet().stream()
                    .filter(e -> Objects.equals(e.getValue().execution(), executionId)).map(java.util.Map.Entry::getKey).toList();
            if (!released.isEmpty()) {
                released.forEach(leases::remove);
                JsonFiles.writeAtomically(file, leases);
            }
            return released;
        });
    }
}
