package io.sensoretl.compact;

import io.sensoretl.store.StoredObject;
import java.util.List;

/**
 * What compacting one partition did.
 *
 * @param status       {@code COMPACTED}, {@code ALREADY_APPLIED} (a retry found the switch done and only
 *                     cleaned up) or {@code NOTHING_STAGED} (the run has no rows in this partition)
 * @param stagedRows   rows read from the run's staged files
 * @param keptRows     rows carried over from the partition's previous version
 * @param replacedRows rows of this same run found in the previous version and replaced (a re-run)
 * @param resortedExisting the previous version was not in curated order and had to be sorted rather
 *                     than merged as it was (data written by something else than this compactor)
 * @param slices       key-range slices the partition was compacted in (1 when one task did it all)
 * @param groups       group tasks that sorted the staged files first (0 when slices read them directly)
 * @param resortedInputs staged files whose footer declared an order their rows did not have
 */
public record CompactionOutcome(
        String dt,
        Status status,
        String location,
        List<StoredObject> files,
        long stagedRows,
        long keptRows,
        long replacedRows,
        int spills,
        boolean resortedExisting,
        int slices,
        int groups,
        List<String> resortedInputs) {

    public enum Status { COMPACTED, ALREADY_APPLIED, NOTHING_STAGED }

    public CompactionOutcome {
        files = List.copyOf(files);
        resortedInputs = List.copyOf(resortedInputs);
    }

    public long rows() {
        return stagedRows + keptRows;
    }
}
