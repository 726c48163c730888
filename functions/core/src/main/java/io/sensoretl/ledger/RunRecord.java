package io.sensoretl.ledger;

import io.sensoretl.chunk.SourceVersion;
import java.time.Instant;
import java.util.List;

/**
 * One ledger entry.
 *
 * @param attempt    how many times the run was started (1 for the first start; forced re-runs and
 *                   restarts after a failure count up)
 * @param endedAt    {@code null} while RUNNING
 * @param partitions the {@code dt} partitions the run wrote
 * @param error      why the run failed, or {@code null}
 */
public record RunRecord(
        SourceVersion key,
        String runId,
        RunState state,
        String executionId,
        Instant startedAt,
        Instant endedAt,
        int attempt,
        RunCounts counts,
        List<String> partitions,
        String error) {

    public RunRecord {
        partitions = partitions == null ? List.of() : List.copyOf(partitions);
        counts = counts == null ? RunCounts.NONE : counts;
    }
}
