package io.sensoretl.ledger.local;

import com.fasterxml.jackson.databind.JavaType;
import io.sensoretl.chunk.SourceVersion;
import io.sensoretl.ledger.LedgerConflictException;
import io.sensoretl.ledger.RunCounts;
import io.sensoretl.ledger.RunLedger;
import io.sensoretl.ledger.RunRecord;
import io.sensoretl.ledger.RunState;
import io.sensoretl.ledger.StartOutcome;
import io.sensoretl.localstore.JsonFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The run ledger of the local runtime: {@code <data>/ledger/runs.json}. Each start, complete and
 * fail is a check-and-write under the store's lock, the local equivalent of a conditional write.
 */
public final class LocalRunLedger implements RunLedger {
    private static final JavaType TYPE = JsonFiles.JSON.getTypeFactory()
            .constructMapType(TreeMap.class, String.class, RunRecord.class);

    private final Path file;
    private final Path lock;
    private final Clock clock;
    private final Duration staleAfter;

    public LocalRunLedger(Path dataDir, Clock clock, Duration staleAfter) {
        this.file = dataDir.resolve("ledger").resolve("runs.json");
        this.lock = dataDir.resolve("ledger").resolve(".runs.lock");
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    @Override
    public StartOutcome start(SourceVersion key, String executionId, boolean force) {
        return update(runs -> {
            RunRecord existing = runs.get(id(key));
            Instant now = clock.instant();
            if (existing != null) {
                boolean staleRunning = existing.state() == RunState.RUNNING
                        && existing.startedAt().isBefore(now.minus(staleAfter));
                if (existing.state() == RunState.RUNNING && executionId.equals(existing.executionId())) {
                    return new StartOutcome(StartOutcome.Decision.STARTED, existing);
                }
                if (existing.state() == RunState.RUNNING && !staleRunning) {
                    return new StartOutcome(StartOutcome.Decision.ALREADY_RUNNING, existing);
                }
                if (existing.state() == RunState.SUCCEEDED && !force) {
                    return new StartOutcome(StartOutcome.Decision.ALREADY_SUCCEEDED, existing);
                }
            }
            return begin(runs, key, executionId, existing, now);
        });
    }

    @Override
    public StartOutcome takeOver(SourceVersion key, String executionId, RunRecord ended) {
        return update(runs -> {
            RunRecord existing = runs.get(id(key));
            if (existing != null && existing.state() == RunState.RUNNING
                    && Objects.equals(existing.executionId(), ended.executionId())
                    && Objects.equals(existing.startedAt(), ended.startedAt())) {
                return begin(runs, key, executionId, existing, clock.instant());
            }
            if (existing != null && existing.state() == RunState.RUNNING && executionId.equals(existing.executionId())) {
                return new StartOutcome(StartOutcome.Decision.STARTED, existing);
            }
            if (existing == null || existing.state() == RunState.FAILED) {
                return begin(runs, key, executionId, existing, clock.instant());
            }
            return new StartOutcome(existing.state() == RunState.SUCCEEDED
                    ? StartOutcome.Decision.ALREADY_SUCCEEDED : StartOutcome.Decision.ALREADY_RUNNING, existing);
        });
    }

    private static StartOutcome begin(TreeMap<String, RunRecord> runs, SourceVersion key, String executionId, RunRecord existing,
            Instant now) {
        RunRecord started = new RunRecord(key, key.runId(), RunState.RUNNING, executionId, now, null,
                existing == null ? 1 : existing.attempt() + 1, RunCounts.NONE, List.of(), null);
        runs.put(id(key), started);
        return new StartOutcome(StartOutcome.Decision.STARTED, started);
    }

    @Override
    public RunRecord complete(SourceVersion key, String executionId, RunCounts counts, List<String> partitions) {
        return close(key, executionId, RunState.SUCCEEDED, counts, partitions, null);
    }

    @Override
    public RunRecord fail(SourceVersion key, String executionId, String error) {
        return close(key, executionId, RunState.FAILED, null, null, error);
    }

    private RunRecord close(SourceVersion key, String executionId, RunState state, RunCounts counts, List<String> partitions,
            String error) {
        return update(runs -> {
            RunRecord existing = runs.get(id(key));
            if (existing != null && existing.state() == state && Objects.equals(existing.executionId(), executionId)) {
                return existing;
            }
            if (existing == null || existing.state() != RunState.RUNNING
                    || !Objects.equals(existing.executionId(), executionId)) {
                throw new LedgerConflictException(key, executionId, existing);
            }
            RunRecord closed = new RunRecord(key, existing.runId(), state, executionId, existing.startedAt(),
                    clock.instant(), existing.attempt(), counts == null ? existing.counts() : counts,
                    partitions == null ? existing.partitions() : partitions, error);
            runs.put(id(key), closed);
            return closed;
        });
    }

    @Override
    public Optional<RunRecord> get(SourceVersion key) {
        TreeMap<String, RunRecord> runs = JsonFiles.read(file, TYPE, TreeMap::new);
        return Optional.ofNullable(runs.get(id(key)));
    }

    /** Every entry, ordered by source object and ETag: what the local query engine shows as the runs table. */
    public List<RunRecord> all() {
        TreeMap<String, RunRecord> runs = JsonFiles.read(file, TYPE, TreeMap::new);
        return List.copyOf(runs.values());
    }

    private interface Change<T> {
        T apply(TreeMap<String, RunRecord> runs);
    }

    private <T> T update(Change<T> change) {
        return JsonFiles.locked(lock, () -> {
            TreeMap<String, RunRecord> runs = JsonFiles.read(file, TYPE, TreeMap::new);
            T result = change.apply(runs);
            JsonFiles.writeAtomically(file, runs);
            return result;
        });
    }

    private static String id(SourceVersion key) {
        return key.sourceObject() + "@" + key.etag();
    }
}
