package io.sensoretl.compact;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.sensoretl.store.StoredObject;
import java.util.List;

/**
 * How one run is applied to one partition, decided once by {@link CompactionPlanner} and read by
 * every task that carries it out ({@code runs/<run>/compact/dt=<dt>/plan.json}).
 *
 * @param compactionId the new version's id: a digest of the run, the version it replaces and this
 *                     plan, so a retry of the same plan writes the same files and a different plan
 *                     never writes into another one's version
 * @param base         the location the catalog pointed at when planned (the switch is conditional on it)
 * @param baseParts    the parts of that version, in order
 * @param staged       the run's staged files for the partition, in key order
 * @param slices       key ranges covering every key, in order; one task each
 * @param groups       staged file indexes per group task; empty when slices read the staged files
 *                     themselves (one slice, or few staged files that all declare sorted order)
 * @param estimatedRows staged plus base rows, estimated from footers
 */
public record CompactionPlan(
        @JsonProperty("runId") String runId,
        @JsonProperty("dt") String dt,
        @JsonProperty("status") Status status,
        @JsonProperty("compactionId") String compactionId,
        @JsonProperty("base") String base,
        @JsonProperty("baseParts") List<StoredObject> baseParts,
        @JsonProperty("staged") List<StoredObject> staged,
        @JsonProperty("slices") List<KeyRange> slices,
        @JsonProperty("groups") List<List<Integer>> groups,
        @JsonProperty("estimatedRows") long estimatedRows) {

    public enum Status {
        /** The tasks below have work to do. */
        PLANNED,
        /** The partition already records this run (a retry after the switch): only clean-up is left. */
        ALREADY_APPLIED,
        /** The run staged no rows for this partition. */
        NOTHING_STAGED
    }

    public CompactionPlan {
        baseParts = baseParts == null ? List.of() : List.copyOf(baseParts);
        staged = staged == null ? List.of() : List.copyOf(staged);
        slices = slices == null ? List.of() : List.copyOf(slices);
        groups = groups == null ? List.of() : groups.stream().map(List::copyOf).toList();
    }

    @JsonIgnore
    public boolean direct() {
        return groups.isEmpty();
    }

    /** A task of the plan, as the workflow's Map items carry it. */
    public record Task(@JsonProperty("runId") String runId, @JsonProperty("dt") String dt,
                       @JsonProperty("compactionId") String compactionId, @JsonProperty("index") int index) {}
}
