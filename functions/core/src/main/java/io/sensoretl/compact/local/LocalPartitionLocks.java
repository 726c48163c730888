package io.sensoretl.compact.local;

import com.fasterxml.jackson.databind.JavaType;
import io.sensoretl.compact.PartitionLocks;
import io.sensoretl.localstore.JsonFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.TreeMap;

/** Partition leases of the local runtime: {@code <data>/locks/leases.json}, changed under the store's lock. */
public final class LocalPartitionLocks implements PartitionLocks {
    /** One held lease. */
    public record Lease(String owner, long expiresAtMillis) {}

    private static final JavaType TYPE = JsonFiles.JSON.getTypeFactory()
            .constructMapType(TreeMap.class, String.class, Lease.class);

    private final Path file;
    private final Path lock;
    private final Clock clock;

    public LocalPartitionLocks(Path dataDir, Clock clock) {
        this.file = dataDir.resolve("locks").resolve("leases.json");
        this.lock = dataDir.resolve("locks").resolve(".leases.lock");
        this.clock = clock;
    }

    @Override
    public boolean tryLock(String name, String owner, Duration ttl) {
        return JsonFiles.locked(lock, () -> {
            TreeMap<String, Lease> leases = JsonFiles.read(file, TYPE, TreeMap::new);
            long now = clock.millis();
            Lease held = leases.get(name);
            if (held != null && !held.owner().equals(owner) && held.expiresAtMillis() > now) {
                return false;
            }
            leases.put(name, new Lease(owner, now + ttl.toMillis()));
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
}
